import TelemedCore

/// Hard rules #3 and #4: an open site, a free station, a nurse for `live`, the equipment.
extension PlanChecker {
    /// The site interval lies inside one site-open interval of the request's site, and the booking
    /// names that site.
    func siteOpen(_ context: PlanCheckContext) -> [PlanViolation] {
        context.placed.flatMap { placed -> [PlanViolation] in
            var found: [PlanViolation] = []
            let (booking, site) = (placed.booking, placed.site)
            if booking.siteId != site.id {
                found.append(
                    PlanViolation(
                        constraint: .siteOpen,
                        message: "booking \(booking.id) is at site \(booking.siteId), but request"
                            + " \(placed.request.id) is for site \(site.id)",
                        bookingId: booking.id, requestId: placed.request.id))
            }
            if !PlanCheckContext.isInsideOne(placed.siteInterval, context.siteOpenIntervals(site)) {
                let date = context.localDate(of: booking.start)
                let closed =
                    !context.closedDays(of: site).contains(date)
                    ? "" : context.holidays.contains(date) ? " (a public holiday)" : " (a closed date of the site)"
                found.append(
                    PlanViolation(
                        constraint: .siteOpen,
                        message: "booking \(booking.id) at site \(site.id) on \(context.local(placed.siteInterval))"
                            + " is outside the site's opening hours\(closed)",
                        bookingId: booking.id, requestId: placed.request.id, date: date))
            }
            return found
        }
    }

    /// Host `siteEquipment`: at most `rooms` such bookings at once at the site (and a room number,
    /// when given, exists and is not shared at once). Host `unitVisit(u)`: one booking at a time per unit.
    func roomFree(_ context: PlanCheckContext) -> [PlanViolation] {
        var found: [PlanViolation] = []
        let atSites = Dictionary(grouping: context.placed.filter { $0.booking.host == .siteEquipment }) { $0.site.id }
        for (siteId, bookings) in atSites.sorted(by: { $0.key < $1.key }) {
            let rooms = bookings[0].site.rooms
            var active: [CheckedBooking] = []
            for placed in bookings.sorted(by: { $0.siteInterval < $1.siteInterval }) {
                active.removeAll { $0.booking.end <= placed.booking.start }
                active.append(placed)
                if active.count > rooms {
                    let others = active.dropLast().map(\.id.rawValue).joined(separator: ", ")
                    found.append(
                        violation(
                            .roomFree, placed, context,
                            "site \(siteId) has \(rooms) room(s) but booking \(placed.id)"
                                + " (\(context.local(placed.siteInterval))) runs at the same time as \(others)"))
                }
                if let room = placed.booking.room, !(1...max(1, rooms)).contains(room) {
                    found.append(
                        violation(
                            .roomFree, placed, context,
                            "booking \(placed.id) uses room \(room), but site \(siteId) has rooms 1…\(rooms)"))
                }
            }
            let numbered = Dictionary(grouping: bookings.filter { $0.booking.room != nil }) { $0.booking.room! }
            for (room, sharing) in numbered.sorted(by: { $0.key < $1.key }) {
                for (earlier, later) in PlanCheckContext.overlaps(sharing.map { ($0.siteInterval, $0) }) {
                    found.append(
                        violation(
                            .roomFree, later, context,
                            "bookings \(earlier.id) and \(later.id) share room \(room) of site \(siteId)"
                                + " at once (\(context.local(later.siteInterval)))"))
                }
            }
        }
        let onUnits = Dictionary(grouping: context.placed.filter { $0.booking.host.unitId != nil }) {
            $0.booking.host.unitId!
        }
        for (unitId, bookings) in onUnits.sorted(by: { $0.key < $1.key }) {
            for (earlier, later) in PlanCheckContext.overlaps(bookings.map { ($0.siteInterval, $0) }) {
                var v = violation(
                    .roomFree, later, context,
                    "unit \(unitId) hosts booking \(earlier.id) (\(context.local(earlier.siteInterval))) and"
                        + " booking \(later.id) (\(context.local(later.siteInterval))) at once")
                v.unitId = unitId
                found.append(v)
            }
        }
        return found
    }

    /// `live` only: inside nurse-present hours, unless a unit visit hosts it (its crew accompanies).
    func nursePresent(_ context: PlanCheckContext) -> [PlanViolation] {
        context.placed.compactMap { placed in
            guard placed.request.mode == .live, placed.booking.host == .siteEquipment,
                !PlanCheckContext.isInsideOne(placed.siteInterval, context.nursePresentIntervals(placed.site))
            else { return nil }
            return violation(
                .nursePresent, placed, context,
                "live booking \(placed.id) at site \(placed.site.id) on \(context.local(placed.siteInterval))"
                    + " has no accompanying nurse: outside the site's nurse hours and not hosted by a unit")
        }
    }

    /// Required equipment ⊆ site equipment (∪ the hosting unit's equipment).
    func equipmentAvailable(_ context: PlanCheckContext) -> [PlanViolation] {
        context.placed.compactMap { placed in
            var available = Set(placed.site.equipment)
            var source = "site \(placed.site.id) does"
            if let unitId = placed.booking.host.unitId {
                guard let unit = context.units[unitId] else { return nil }  // knownReference reports it
                available.formUnion(unit.equipment)
                source = "site \(placed.site.id) and unit \(unitId) do"
            }
            let missing = placed.request.requiredEquipment.filter { !available.contains($0) }
            guard !missing.isEmpty else { return nil }
            return violation(
                .equipmentAvailable, placed, context,
                "booking \(placed.id) needs \(missing.map(\.rawValue).joined(separator: ", ")),"
                    + " which \(source) not have")
        }
    }

    func violation(
        _ constraint: ConstraintName, _ placed: CheckedBooking, _ context: PlanCheckContext, _ message: String
    ) -> PlanViolation {
        PlanViolation(
            constraint: constraint, message: message, bookingId: placed.id, requestId: placed.request.id,
            unitId: placed.booking.host.unitId, date: context.localDate(of: placed.booking.start))
    }
}
