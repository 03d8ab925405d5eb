import TelemedCore

/// The objective of `docs/constraints.md`, recomputed: `served`, then the weighted soft terms.
extension PlanChecker {
    /// Booked requests (not cancelled, known, counted once), each with its earliest booking.
    func bookedRequests(_ context: PlanCheckContext) -> [(request: ConsultationRequest, booking: Booking)] {
        let byRequest = Dictionary(grouping: context.placed) { $0.request.id }
        return byRequest.keys.sorted().map { id in
            let first = byRequest[id]!.min { ($0.booking.start, $0.id) < ($1.booking.start, $1.id) }!
            return (first.request, first.booking)
        }
    }

    /// Σ `weights.served[urgency]` over booked requests.
    func served(_ context: PlanCheckContext) -> Int {
        bookedRequests(context).reduce(0) { $0 + context.scenario.weights.served[$1.request.urgency] }
    }

    func softTerms(_ context: PlanCheckContext) -> SoftTerms {
        let weights = context.scenario.weights
        let booked = bookedRequests(context)
        var lateness = 0.0
        var broken = 0
        var onTime: Set<ConsultationRequest.ID> = []
        for (request, booking) in booked {
            let due = request.dueDate(delays: context.scenario.urgencyDelays)
            let daysLate = max(0, due.days(to: context.localDate(of: booking.start)))
            lateness += weights.latenessPerDay[request.urgency] * Double(daysLate)
            if daysLate == 0 { onTime.insert(request.id) }
            if let preferred = request.preferredSpecialistId, preferred != booking.specialistId { broken += 1 }
        }
        broken += seriesContinuityBroken(
            context, booked: Dictionary(uniqueKeysWithValues: booked.map { ($0.request.id, $0.booking) }))
        let travelMinutes = context.routes.reduce(0.0) { $0 + $1.drivingMinutes }
        return SoftTerms(
            lateness: lateness, travel: weights.travelMinute * travelMinutes,
            continuity: weights.continuityBroken * Double(broken),
            territorialFairness: weights.territorialFairness
                * servedSpread(context, booked: Set(booked.map(\.request.id))),
            zoneFairness: zoneSpread(context, onTime: onTime),
            stability: weights.proposalMoved * Double(movedProposals(context, booked: booked)))
    }

    /// Proposed bookings of the scenario (the ones staff have seen) whose request the plan books
    /// with another specialist, start or host, or no longer books.
    func movedProposals(_ context: PlanCheckContext, booked: [(request: ConsultationRequest, booking: Booking)]) -> Int
    {
        let now = Dictionary(uniqueKeysWithValues: booked.map { ($0.request.id, $0.booking) })
        return SeenProposals(context.scenario).bookings.filter { seen in
            now[seen.requestId].map { !SeenProposals.keeps($0, placeOf: seen) } ?? true
        }.count
    }

    /// For each zone kind given a weight: weight × (max − min) over that kind's zones and the rest
    /// of the region (requests of sites in none of them) of the percentage of requests served within
    /// their urgency's delay; a request of a site in two zones of a kind counts in both.
    func zoneSpread(_ context: PlanCheckContext, onTime: Set<ConsultationRequest.ID>) -> Double {
        var total = 0.0
        for (kind, weight) in context.scenario.weights.zoneFairness.sorted(by: { $0.key < $1.key }) where weight > 0 {
            let zones = context.scenario.zones.filter { $0.kind.rawValue == kind }
            var counts: [String: (served: Int, total: Int)] = [:]
            for request in context.scenario.requests {
                guard let site = context.sites[request.siteId] else { continue }
                let holding = zones.filter { $0.communes.contains(site.inseeCode) }.map(\.name)
                for group in holding.isEmpty ? ["\u{0}rest"] : holding {
                    var count = counts[group] ?? (0, 0)
                    count.total += 1
                    if onTime.contains(request.id) { count.served += 1 }
                    counts[group] = count
                }
            }
            let shares = counts.values.map { 100 * Double($0.served) / Double($0.total) }
            if let high = shares.max(), let low = shares.min() { total += weight * (high - low) }
        }
        return total
    }

    /// Max − min over departments (of the requests' sites) of the percentage of requests served.
    func servedSpread(_ context: PlanCheckContext, booked: Set<ConsultationRequest.ID>) -> Double {
        var counts: [String: (served: Int, total: Int)] = [:]
        for request in context.scenario.requests {
            guard let site = context.sites[request.siteId] else { continue }
            var count = counts[site.departmentCode] ?? (0, 0)
            count.total += 1
            if booked.contains(request.id) { count.served += 1 }
            counts[site.departmentCode] = count
        }
        let shares = counts.values.map { 100 * Double($0.served) / Double($0.total) }
        guard let high = shares.max(), let low = shares.min() else { return 0 }
        return high - low
    }
}
