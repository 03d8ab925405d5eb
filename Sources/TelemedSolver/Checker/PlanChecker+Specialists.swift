import TelemedCore

/// Hard rules #1 and #2: the right specialist, available, never double-booked, within the daily max.
extension PlanChecker {
    /// The booking's specialist practises the request's specialty; a `crew` booking names none
    /// and any other booking names one.
    func specialtyMatch(_ context: PlanCheckContext) -> [PlanViolation] {
        context.placed.compactMap { placed in
            let (booking, request) = (placed.booking, placed.request)
            switch (request.mode.needsSpecialist, booking.specialistId) {
            case (false, .some(let specialistId)):
                return PlanViolation(
                    constraint: .specialtyMatch,
                    message: "booking \(placed.id) names specialist \(specialistId) for crew request \(request.id),"
                        + " which no specialist takes part in",
                    bookingId: placed.id, requestId: request.id)
            case (true, nil):
                return PlanViolation(
                    constraint: .specialtyMatch,
                    message:
                        "booking \(placed.id) names no specialist for \(request.mode.rawValue) request \(request.id)"
                        + " (\(request.specialty.rawValue))",
                    bookingId: placed.id, requestId: request.id)
            default:
                break
            }
            guard let specialist = booking.specialistId.flatMap({ context.specialists[$0] }),
                !specialist.specialties.contains(request.specialty)
            else { return nil }
            let practised = specialist.specialties.map(\.rawValue).joined(separator: ", ")
            return PlanViolation(
                constraint: .specialtyMatch,
                message:
                    "booking \(placed.id) gives request \(placed.request.id) (\(placed.request.specialty.rawValue))"
                    + " to specialist \(specialist.id), who practises \(practised)",
                bookingId: placed.id, requestId: placed.request.id)
        }
    }

    /// The specialist interval lies inside one specialist-available interval.
    func specialistAvailable(_ context: PlanCheckContext) -> [PlanViolation] {
        context.placed.compactMap { placed in
            guard let specialist = placed.booking.specialistId.flatMap({ context.specialists[$0] }),
                let interval = placed.specialistInterval,
                !PlanCheckContext.isInsideOne(interval, context.specialistAvailableIntervals(specialist))
            else { return nil }
            let what = placed.request.mode == .async ? "reviews" : "consults"
            return PlanViolation(
                constraint: .specialistAvailable,
                message: "specialist \(specialist.id) \(what) for booking \(placed.id) on \(context.local(interval)),"
                    + " outside their availability (weekly hours, exceptions, public holidays)",
                bookingId: placed.id, requestId: placed.request.id, date: context.localDate(of: interval.start))
        }
    }

    /// A specialist's intervals do not overlap.
    func specialistNoOverlap(_ context: PlanCheckContext) -> [PlanViolation] {
        let bySpecialist = Dictionary(grouping: context.placed.filter { $0.specialistInterval != nil }) {
            $0.booking.specialistId!
        }
        return bySpecialist.sorted { $0.key < $1.key }.flatMap { specialistId, bookings in
            PlanCheckContext.overlaps(bookings.map { ($0.specialistInterval!, $0) }).map { earlier, later in
                PlanViolation(
                    constraint: .specialistNoOverlap,
                    message: "specialist \(specialistId) is booked twice at once: booking \(earlier.id)"
                        + " (\(context.local(earlier.specialistInterval!))) and booking \(later.id)"
                        + " (\(context.local(later.specialistInterval!)))",
                    bookingId: later.id, requestId: later.request.id,
                    date: context.localDate(of: later.specialistInterval!.start))
            }
        }
    }

    /// Per specialist and local date of the specialist interval's start, at most `maxSessionsPerDay`.
    func specialistDailyMax(_ context: PlanCheckContext) -> [PlanViolation] {
        let byDay = Dictionary(grouping: context.placed.filter { $0.specialistInterval != nil }) {
            DayKey(specialistId: $0.booking.specialistId!, date: context.localDate(of: $0.specialistInterval!.start))
        }
        return byDay.compactMap { key, bookings in
            guard let specialist = context.specialists[key.specialistId],
                bookings.count > specialist.maxSessionsPerDay
            else { return nil }
            let ids = bookings.map(\.id).sorted().map(\.rawValue).joined(separator: ", ")
            return PlanViolation(
                constraint: .specialistDailyMax,
                message: "specialist \(specialist.id) has \(bookings.count) sessions on \(key.date)"
                    + " (at most \(specialist.maxSessionsPerDay)): bookings \(ids)",
                date: key.date)
        }
    }

    private struct DayKey: Hashable {
        let specialistId: Specialist.ID
        let date: LocalDate
    }
}
