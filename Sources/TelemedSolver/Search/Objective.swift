import TelemedCore

/// The solver's objective on a solution state (docs/constraints.md, "Objective"): served weight,
/// then lateness, unit travel, broken continuity (preferred specialist, care series), territorial fairness, fairness between zones and
/// stability (seen proposals moved). The plan checker
/// recomputes the same figures independently from the plan document.
struct Objective {
    let problem: SchedulingProblem

    func served(_ state: SolutionState) -> Int {
        state.placements.indices.reduce(0) {
            $0 + (state.placements[$1] == nil ? 0 : problem.requests[$1].servedWeight)
        }
    }

    func soft(_ state: SolutionState) -> Double {
        let weights = problem.scenario.weights
        var total = 0.0
        var servedPerDepartment = [Int](repeating: 0, count: problem.departments.count)
        var requestsPerDepartment = [Int](repeating: 0, count: problem.departments.count)
        for (request, model) in problem.requests.enumerated() {
            requestsPerDepartment[model.department] += 1
            total += problem.incumbent.cost(request, state.placements[request])
            guard let placement = state.placements[request] else { continue }
            servedPerDepartment[model.department] += 1
            total += problem.lateness(request, day: placement.day)
            if let preferred = model.preferredSpecialist, preferred != placement.specialist {
                total += weights.continuityBroken
            }
            // Across a care series: another specialist than the previous occurrence's.
            if let previous = SeriesSpacing.placedPredecessor(of: request, in: state),
                previous.specialist != placement.specialist
            {
                total += weights.continuityBroken
            }
        }
        for days in state.timings {
            for timing in days { total += weights.travelMinute * (timing?.exactDrivingMinutes ?? 0) }
        }
        let shares = zip(servedPerDepartment, requestsPerDepartment).filter { $0.1 > 0 }.map {
            100 * Double($0.0) / Double($0.1)
        }
        if let high = shares.max(), let low = shares.min() { total += weights.territorialFairness * (high - low) }
        total += problem.zoneGroups.spreadCost(
            requests: problem.requests.count, site: { problem.requests[$0].site },
            onTime: { request in state.placements[request].map { $0.day <= problem.requests[request].dueDay } ?? false }
        )
        return total
    }

    func score(_ state: SolutionState) -> PlanScore {
        PlanScore(hard: 0, served: served(state), soft: (soft(state) * 1e6).rounded() / 1e6)
    }
}
