import TelemedCore

/// Says why a request is not in the plan, naming the blocking constraint (the names of
/// docs/constraints.md). It first asks whether the request could be placed alone (only pinned
/// bookings and recurring stops in the way): if not, the reason is structural (no specialist, no
/// equipment within reach, never open…); if so, competitors took the capacity, and the explainer
/// names the resource the best lone placement now collides with.
struct UnassignedExplainer {
    let problem: SchedulingProblem
    let search: InsertionSearch
    let alone: SolutionState

    init(problem: SchedulingProblem) {
        self.problem = problem
        search = InsertionSearch(problem: problem)
        alone = SolutionState(problem: problem)
    }

    /// True when the request has a feasible placement with nothing else but pinned facts planned.
    func isFeasibleAlone(_ request: Int) -> Bool {
        lonePlacement(request) != nil
    }

    /// Where the request would go with nothing else but pinned facts planned.
    func lonePlacement(_ request: Int) -> Placement? {
        search.options(for: request, in: alone, keep: 1).first?.placement
    }

    func explain(_ request: Int, in state: SolutionState) -> UnassignedRequest {
        let (constraint, reason) = diagnose(request, in: state)
        return UnassignedRequest(
            requestId: problem.scenario.requests[request].id, constraint: constraint.rawValue, reason: reason)
    }

    private func diagnose(_ request: Int, in state: SolutionState) -> (ConstraintName, String) {
        let scenario = problem.scenario
        let model = problem.requests[request]
        let source = scenario.requests[request]
        let site = scenario.sites[model.site]
        let siteModel = problem.sites[model.site]
        let specialty = source.specialty.rawValue
        let due = source.dueDate(delays: scenario.urgencyDelays)
        let place = "\(site.name) (\(site.commune))"
        if model.specialists.isEmpty {
            return (.specialtyMatch, "no specialist practises \(specialty)")
        }
        if model.earliestStart + model.duration > problem.endMinute {
            return (.withinHorizon, "its first possible date \(source.firstPossibleDate) is after the horizon")
        }
        let missing = source.requiredEquipment.filter { !site.equipment.contains($0) }
        let reachingUnits = problem.units.indices.filter { unit in
            let unitModel = problem.units[unit]
            return model.equipment & ~(siteModel.equipment | unitModel.equipment) == 0
                && 2 * problem.travel.minutes(unitModel.place, siteModel.place) <= unitModel.maxDriving
        }
        if !missing.isEmpty && reachingUnits.isEmpty {
            return (
                .equipmentAvailable,
                "\(place) lacks \(missing.map(\.rawValue).joined(separator: ", ")) and no unit carrying it reaches the site "
                    + "within its driving limit"
            )
        }
        guard let lone = search.options(for: request, in: alone, keep: 1).first else {
            return structuralReason(request, specialty: specialty, place: place, siteHostable: missing.isEmpty)
        }
        let specialists = problem.requests[request].specialists
        let fits = { (relaxed: SolutionState) in !search.options(for: request, in: relaxed, keep: 1).isEmpty }
        let name = scenario.specialists[lone.placement.specialist].name
        let when = "\(problem.timeline.localDate(ofMinute: lone.placement.start))"
        if fits(state.freeingDailyCounts(specialists)) {
            return (
                .specialistDailyMax,
                "\(specialty) specialists have reached their daily maximum on the days that fit \(place) (due \(due))"
            )
        }
        if fits(state.freeingSpecialists(specialists)) {
            return (
                .specialistNoOverlap,
                "every \(specialty) slot that fits \(place) is taken (due \(due)); alone it would go to \(name) on \(when)"
            )
        }
        if fits(state.freeingUnits()) {
            return (
                .unitRouteFeasible,
                "the unit days that could bring what \(place) lacks are full (driving, capacity, shift or lunch; due \(due)); "
                    + "alone it would go on \(when)"
            )
        }
        if fits(state.freeingSiteRooms(model.site)) {
            return (
                .roomFree,
                "the rooms of \(place) are taken at every time a \(specialty) specialist is free (due \(due))"
            )
        }
        if fits(state.freeingPatient(model.patient)) {
            return (.patientNoOverlap, "the patient's other consultations take the only times that fit (due \(due))")
        }
        if fits(state.freeingSpecialists(specialists).freeingUnits()) {
            return (
                .specialistNoOverlap,
                "both \(specialty) specialists' time and the unit days that could serve \(place) are taken (due \(due)); "
                    + "alone it would go to \(name) on \(when)"
            )
        }
        return (
            .specialistNoOverlap,
            "competing requests take the specialists, rooms and unit days it could use (due \(due)); alone it would go to "
                + "\(name) on \(when)"
        )
    }

    /// No placement even alone: the first of site hours, nurse presence, specialist availability
    /// that has no common time.
    private func structuralReason(_ request: Int, specialty: String, place: String, siteHostable: Bool) -> (
        ConstraintName, String
    ) {
        let model = problem.requests[request]
        let site = problem.sites[model.site]
        let window = IntervalSet(MinuteInterval(start: model.earliestStart, end: problem.endMinute))
        let open = site.open.intersection(window)
        if open.firstFit(duration: model.duration) == nil {
            return (.siteOpen, "\(place) is not open for \(model.duration) minutes in a row before the horizon ends")
        }
        let availability = model.specialists.reduce(IntervalSet.empty) {
            $0.union(problem.specialists[$1].available)
        }
        if model.mode == .live {
            let staffed = siteHostable ? open.intersection(site.nursePresent) : open
            if staffed.firstFit(duration: model.duration) == nil {
                return (
                    .nursePresent, "no nurse is present at \(place) while it is open, and no unit visit can bring one"
                )
            }
            if staffed.intersection(availability).firstFit(duration: model.duration) == nil {
                return (
                    .specialistAvailable, "no \(specialty) specialist is available while \(place) is open and staffed"
                )
            }
        } else if availability.intersection(window).firstFit(duration: model.duration) == nil {
            return (.specialistAvailable, "no \(specialty) specialist is available to review before the horizon ends")
        }
        return (
            .unitRouteFeasible,
            "no unit day can fit a visit to \(place) with a \(specialty) specialist free (shift, lunch, driving limit)"
        )
    }
}
