import TelemedCore

/// Hard rule #9: care series keep their order and spacing.
extension PlanChecker {
    /// For consecutive occurrences k and k+1 of a series: k+1 is booked only if k is, and the
    /// local date of k+1's start is `minGapDays`…`maxGapDays` days after the local date of k's.
    func seriesSpacing(_ context: PlanCheckContext) -> [PlanViolation] {
        let booked = Dictionary(grouping: context.placed) { $0.request.id }.mapValues {
            $0.min { ($0.booking.start, $0.id) < ($1.booking.start, $1.id) }!
        }
        var violations: [PlanViolation] = []
        for occurrences in seriesOccurrences(context.scenario) {
            for (previous, next) in zip(occurrences, occurrences.dropFirst()) {
                guard let later = booked[next.id], let series = next.series, let id = series.id else { continue }
                let position = "occurrence \(series.index ?? 0) of series \(id)"
                guard let earlier = booked[previous.id] else {
                    violations.append(
                        violation(
                            .seriesSpacing, later, context,
                            "booking \(later.id) books request \(next.id) (\(position)) but request \(previous.id), "
                                + "the occurrence before it, is not booked: book it first or unbook this one"))
                    continue
                }
                let from = context.localDate(of: earlier.booking.start)
                let to = context.localDate(of: later.booking.start)
                let gap = from.days(to: to)
                guard !series.gapDays.contains(gap) else { continue }
                violations.append(
                    violation(
                        .seriesSpacing, later, context,
                        "booking \(later.id) of request \(next.id) (\(position)) on \(to) is \(gap) days after "
                            + "booking \(earlier.id) of \(previous.id) on \(from); the series asks "
                            + "\(series.minGapDays)–\(series.maxGapDays) days (\(from.adding(days: series.minGapDays)) "
                            + "to \(from.adding(days: series.maxGapDays)))"))
            }
        }
        return violations
    }

    /// Each series' expanded occurrences ordered by index, series by their first occurrence in
    /// the scenario.
    func seriesOccurrences(_ scenario: Scenario) -> [[ConsultationRequest]] {
        var order: [CareSeries.ID] = []
        var members: [CareSeries.ID: [ConsultationRequest]] = [:]
        for request in scenario.requests {
            guard let id = request.series?.id, request.series?.index != nil else { continue }
            if members[id] == nil { order.append(id) }
            members[id, default: []].append(request)
        }
        return order.map { id in members[id]!.sorted { $0.series!.index! < $1.series!.index! } }
    }

    /// Booked occurrences whose specialist differs from the previous booked occurrence's (the
    /// `continuity` term across a care series).
    func seriesContinuityBroken(_ context: PlanCheckContext, booked: [ConsultationRequest.ID: Booking]) -> Int {
        var broken = 0
        for occurrences in seriesOccurrences(context.scenario) {
            var previous: Booking?
            for occurrence in occurrences {
                guard let booking = booked[occurrence.id] else { continue }
                if let previous, previous.specialistId != booking.specialistId { broken += 1 }
                previous = booking
            }
        }
        return broken
    }
}
