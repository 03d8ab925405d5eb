/// "When is the earliest start that every resource allows?" — the inner loop of insertion.
///
/// Each hard rule that bears on a start moves a candidate `t` forward to the earliest start it
/// accepts (its unit in `Rules/` says how); the candidate only grows, so iterating until no rule
/// moves it finds the earliest common start, or proves there is none before the limit. A query
/// names the rules it applies; the others do not bear on that kind of placement.
struct FitQuery {
    var duration: Int
    /// ``SiteOpen``: the site's opening hours.
    var siteOpen: IntervalSet? = nil
    /// ``NursePresent``: nurse hours, for `live` consultations on the site's own equipment.
    var nursePresent: IntervalSet? = nil
    /// ``SpecialistAvailable``: the specialist's availability.
    var specialistAvailable: IntervalSet? = nil
    /// ``PatientNoOverlap``: the patient's bookings.
    var patientBusy: BusyList? = nil
    /// ``SpecialistNoOverlap``: the specialist's bookings.
    var specialistBusy: BusyList? = nil
    /// ``RoomFree``: a unit's station (its bookings at the stop), one booking at a time.
    var unitStation: BusyList? = nil
    /// ``RoomFree``: the site's rooms, shared by its site-hosted bookings.
    var siteRooms: (list: BusyList, capacity: Int)? = nil
    /// ``SpecialistDailyMax``: the specialist's bookings per day.
    var specialistDailyMax: SpecialistDailyMax? = nil

    func earliest(notBefore: Int, notAfterEnd limit: Int) -> Int? {
        guard duration > 0 else { return nil }
        var t = notBefore
        var moved = true
        while moved {
            moved = false
            if t + duration > limit { return nil }
            guard inside(SiteOpen.self, siteOpen, &t, &moved, limit: limit),
                inside(NursePresent.self, nursePresent, &t, &moved, limit: limit),
                inside(SpecialistAvailable.self, specialistAvailable, &t, &moved, limit: limit)
            else { return nil }
            clear(PatientNoOverlap.self, patientBusy, &t, &moved)
            clear(SpecialistNoOverlap.self, specialistBusy, &t, &moved)
            clear(RoomFree.self, unitStation, &t, &moved)
            if let siteRooms {
                Self.advance(
                    &t,
                    to: RoomFree.earliestStart(
                        rooms: siteRooms.list, capacity: siteRooms.capacity, notBefore: t, duration: duration),
                    &moved)
            }
            if let specialistDailyMax {
                guard let next = specialistDailyMax.earliestStart(notBefore: t) else { return nil }
                Self.advance(&t, to: next, &moved)
            }
        }
        return t + duration <= limit ? t : nil
    }

    /// Moves `t` to the earliest start inside `allowed` (when the query applies `rule`); false
    /// when there is none before `limit`.
    @inline(__always)
    private func inside<Rule: InsideIntervalsRule>(
        _ rule: Rule.Type, _ allowed: IntervalSet?, _ t: inout Int, _ moved: inout Bool, limit: Int
    ) -> Bool {
        guard let allowed else { return true }
        guard let next = Rule.earliestStart(in: allowed, notBefore: t, duration: duration, notAfterEnd: limit) else {
            return false
        }
        Self.advance(&t, to: next, &moved)
        return true
    }

    /// Moves `t` to the earliest start clear of `busy` (when the query applies `rule`).
    @inline(__always)
    private func clear<Rule: NoOverlapRule>(_ rule: Rule.Type, _ busy: BusyList?, _ t: inout Int, _ moved: inout Bool) {
        guard let busy else { return }
        Self.advance(&t, to: Rule.earliestStart(after: busy, notBefore: t, duration: duration), &moved)
    }

    @inline(__always)
    private static func advance(_ t: inout Int, to next: Int, _ moved: inout Bool) {
        if next > t {
            t = next
            moved = true
        }
    }
}
