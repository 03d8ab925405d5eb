import Foundation
import TelemedCore

/// Hard rules #6–#8 and the structural rules: time placement, one patient in one place, pinned
/// facts kept, each request booked once, every id known.
extension PlanChecker {
    /// Duration as requested; start from the first possible date and the horizon; ends by the
    /// horizon's end; `async`: a review of the same length within `asyncReviewDays` after capture.
    func withinHorizon(_ context: PlanCheckContext) -> [PlanViolation] {
        let horizonEnd = context.horizonEnd
        return context.placed.flatMap { placed -> [PlanViolation] in
            let (booking, request) = (placed.booking, placed.request)
            var problems: [String] = []
            let seconds = TimeInterval(request.durationMinutes * 60)
            if abs(booking.end.timeIntervalSince(booking.start) - seconds) > 1e-3 {
                problems.append(
                    "lasts \(context.local(placed.siteInterval)), not the \(request.durationMinutes) min asked")
            }
            let firstDate = max(request.firstPossibleDate, context.scenario.horizon.start)
            if booking.start < context.instant(on: firstDate, at: .midnight) {
                problems.append("starts \(context.local(booking.start)), before its first possible date \(firstDate)")
            }
            if booking.end > horizonEnd {
                problems.append("ends \(context.local(booking.end)), after the horizon's last day")
            }
            if let latest = request.latestDate, booking.end > context.instant(on: latest.adding(days: 1), at: .midnight)
            {
                problems.append("ends \(context.local(booking.end)), after its latest date \(latest)")
            }
            switch (request.mode, booking.review) {
            case (.live, .some):
                problems.append("is a live consultation but carries a review")
            case (.crew, .some):
                problems.append("is crew work but carries a review")
            case (.async, nil):
                problems.append("is tele-expertise (async) but has no review")
            case (.async, .some(let review)):
                let latest = booking.end.addingTimeInterval(TimeInterval(context.scenario.asyncReviewDays * 86_400))
                if abs(review.duration - seconds) > 1e-3 {
                    problems.append("review \(context.local(review)) does not last \(request.durationMinutes) min")
                }
                if review.start < booking.end || review.end > latest {
                    problems.append(
                        "review \(context.local(review)) must fall between the capture's end"
                            + " \(context.local(booking.end)) and \(context.scenario.asyncReviewDays) days later")
                }
                if review.end > horizonEnd {
                    problems.append("review \(context.local(review)) ends after the horizon's last day")
                }
            case (.live, nil), (.crew, nil):
                break
            }
            return problems.map { violation(.withinHorizon, placed, context, "booking \(booking.id) \($0)") }
        }
    }

    /// Site intervals of one `patientRef` do not overlap.
    func patientNoOverlap(_ context: PlanCheckContext) -> [PlanViolation] {
        let byPatient = Dictionary(grouping: context.placed) { $0.request.patientRef }
        return byPatient.sorted { $0.key < $1.key }.flatMap { patient, bookings in
            PlanCheckContext.overlaps(bookings.map { ($0.siteInterval, $0) }).map { earlier, later in
                violation(
                    .patientNoOverlap, later, context,
                    "patient \(patient) is in two consultations at once: booking \(earlier.id)"
                        + " (\(context.local(earlier.siteInterval)) at \(earlier.site.id)) and booking \(later.id)"
                        + " (\(context.local(later.siteInterval)) at \(later.site.id))")
            }
        }
    }

    /// Every pinned booking of the scenario is in the plan unchanged; every recurring stop of a
    /// unit day is a pinned visit with its arrival and departure.
    func pinnedUnchanged(_ context: PlanCheckContext) -> [PlanViolation] {
        pinnedBookingsKept(context) + recurringStopsKept(context)
    }

    private func pinnedBookingsKept(_ context: PlanCheckContext) -> [PlanViolation] {
        let planned = Dictionary(context.plan.bookings.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return context.scenario.bookings.filter(\.status.isPinned).compactMap { pinned in
            let problem: String
            if let now = planned[pinned.id] {
                let same =
                    now.requestId == pinned.requestId && now.specialistId == pinned.specialistId
                    && now.siteId == pinned.siteId && now.host == pinned.host && now.start == pinned.start
                    && now.end == pinned.end && now.review == pinned.review && now.status.isPinned
                guard !same else { return nil }
                problem =
                    "was \(pinned.status.rawValue) with \(pinned.specialistId) at \(pinned.siteId) on"
                    + " \(context.local(pinned.interval)); the plan has \(now.status.rawValue) with"
                    + " \(now.specialistId) at \(now.siteId) on \(context.local(now.interval))"
                    + (now.host == pinned.host && now.review == pinned.review ? "" : " (host or review changed)")
            } else {
                problem = "(\(pinned.status.rawValue), \(context.local(pinned.interval))) is missing from the plan"
            }
            return PlanViolation(
                constraint: .pinnedUnchanged, message: "pinned booking \(pinned.id) \(problem)",
                bookingId: pinned.id, requestId: pinned.requestId, date: context.localDate(of: pinned.start))
        }
    }

    private func recurringStopsKept(_ context: PlanCheckContext) -> [PlanViolation] {
        let visits = Dictionary(grouping: context.plan.visits) { CheckedRouteKey(unitId: $0.unitId, date: $0.date) }
        var found: [PlanViolation] = []
        for unit in context.scenario.units.sorted(by: { $0.id < $1.id }) where !unit.recurringStops.isEmpty {
            for date in context.horizonDates where context.isUnitDay(unit, date) {
                for stop in unit.recurringStops where stop.occurs(on: date) {
                    let arrival = context.instant(on: date, at: stop.arrival)
                    let departure = context.instant(on: date, at: stop.departure)
                    let kept = (visits[CheckedRouteKey(unitId: unit.id, date: date)] ?? []).contains {
                        $0.siteId == stop.siteId && $0.arrival == arrival && $0.departure == departure && $0.pinned
                    }
                    guard !kept else { continue }
                    found.append(
                        PlanViolation(
                            constraint: .pinnedUnchanged,
                            message: "unit \(unit.id) has no pinned visit for its recurring stop at \(stop.siteId)"
                                + " on \(date) \(stop.arrival)–\(stop.departure)",
                            unitId: unit.id, date: date))
                }
            }
        }
        return found
    }

    /// Each request is booked at most once, and a booked request is not also listed as unassigned.
    func requestOnce(_ context: PlanCheckContext) -> [PlanViolation] {
        let active = context.plan.bookings.filter { $0.status.occupiesResources }
        let byRequest = Dictionary(grouping: active, by: \.requestId)
        var found: [PlanViolation] = byRequest.filter { $0.value.count > 1 }.map { requestId, bookings in
            let ids = bookings.map(\.id).sorted().map(\.rawValue).joined(separator: ", ")
            return PlanViolation(
                constraint: .requestOnce,
                message: "request \(requestId) is booked \(bookings.count) times: bookings \(ids)",
                requestId: requestId)
        }
        for unassigned in context.plan.unassigned where byRequest[unassigned.requestId] != nil {
            found.append(
                PlanViolation(
                    constraint: .requestOnce,
                    message: "request \(unassigned.requestId) is booked and also listed as unassigned",
                    requestId: unassigned.requestId))
        }
        return found
    }
}
