import TelemedCore

/// The structural rule `knownReference`: every id in the plan names an entity of the scenario,
/// and booking ids are unique. Other rules skip what this one reports.
extension PlanChecker {
    func knownReference(_ context: PlanCheckContext) -> [PlanViolation] {
        var found: [PlanViolation] = []
        func unknown(
            _ what: String, bookingId: Booking.ID? = nil, requestId: ConsultationRequest.ID? = nil,
            unitId: MobileUnit.ID? = nil, date: LocalDate? = nil
        ) {
            found.append(
                PlanViolation(
                    constraint: .knownReference, message: what, bookingId: bookingId, requestId: requestId,
                    unitId: unitId, date: date))
        }
        var seen: Set<Booking.ID> = []
        for booking in context.plan.bookings {
            let id = booking.id
            if !seen.insert(id).inserted { unknown("booking id \(id) is used more than once", bookingId: id) }
            if context.requests[booking.requestId] == nil {
                unknown("booking \(id) places unknown request \(booking.requestId)", bookingId: id)
            }
            if let specialistId = booking.specialistId, context.specialists[specialistId] == nil {
                unknown(
                    "booking \(id) names unknown specialist \(specialistId)", bookingId: id,
                    requestId: booking.requestId)
            }
            if context.sites[booking.siteId] == nil {
                unknown(
                    "booking \(id) names unknown site \(booking.siteId)", bookingId: id, requestId: booking.requestId)
            }
            if let unitId = booking.host.unitId, context.units[unitId] == nil {
                unknown(
                    "booking \(id) is hosted by unknown unit \(unitId)", bookingId: id,
                    requestId: booking.requestId, unitId: unitId)
            }
        }
        for visit in context.plan.visits {
            if context.units[visit.unitId] == nil {
                unknown(
                    "a visit on \(visit.date) names unknown unit \(visit.unitId)", unitId: visit.unitId,
                    date: visit.date)
            }
            if context.sites[visit.siteId] == nil {
                unknown(
                    "unit \(visit.unitId)'s visit \(visit.order) on \(visit.date) is at unknown site \(visit.siteId)",
                    unitId: visit.unitId, date: visit.date)
            }
        }
        for unitDay in context.plan.unitDays where context.units[unitDay.unitId] == nil {
            unknown(
                "a unit day on \(unitDay.date) names unknown unit \(unitDay.unitId)", unitId: unitDay.unitId,
                date: unitDay.date)
        }
        for unassigned in context.plan.unassigned where context.requests[unassigned.requestId] == nil {
            unknown("unknown request \(unassigned.requestId) is listed as unassigned", requestId: unassigned.requestId)
        }
        return found
    }
}
