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

    /// `alone`: the solution holding only `problem`'s pinned facts, when the caller has it (a
    /// proposal engine's plan in force is all pinned: rebuilding it placed every booking again,
    /// 30 ms per explanation on the national plan).
    init(problem: SchedulingProblem, alone: SolutionState? = nil) {
        self.problem = problem
        search = InsertionSearch(problem: problem)
        self.alone = alone ?? SolutionState(problem: problem)
    }

    /// Where the request would go with nothing else but pinned facts planned; a care series
    /// occurrence, after its earlier occurrences each at their own lone place (nil when one of
    /// them has none).
    func lonePlacement(_ request: Int) -> Placement? {
        var state = alone
        for occurrence in SeriesSpacing.predecessors(of: request, in: problem)
        where RequestOnce.isUnplaced(occurrence, in: state) {
            guard let option = search.options(for: occurrence, in: state, keep: 1).first else { return nil }
            state.place(occurrence, option: option)
        }
        return search.options(for: request, in: state, keep: 1).first?.placement
    }

    func explain(_ request: Int, in state: SolutionState) -> UnassignedRequest {
        explain([request], in: state)[0]
    }

    /// Every request's explanation against one state. The copy with the units' movable work
    /// removed does not depend on the request: it is made once for all of them, since making it
    /// rebuilds every route (once per request, a national plan's explanations took minutes). Only
    /// the units that may host one of them are freed: the others' days cannot hold them anyway,
    /// and a proposal's explanation on a national plan then frees a few units, not a hundred.
    func explain(_ requests: [Int], in state: SolutionState) -> [UnassignedRequest] {
        var unitsFreed: SolutionState?
        return requests.map { request in
            let (constraint, reason) = diagnose(request, in: state) {
                if let unitsFreed { return unitsFreed }
                let freed = state.freeingUnits(Set(requests.flatMap(problem.unitsThatMayHost)))
                unitsFreed = freed
                return freed
            }
            return UnassignedRequest(
                requestId: problem.scenario.requests[request].id, constraint: constraint, reason: reason)
        }
    }

    private func diagnose(
        _ request: Int, in state: SolutionState, unitsFreed: () -> SolutionState
    ) -> (ConstraintName, String) {
        let scenario = problem.scenario
        let model = problem.requests[request]
        let source = scenario.requests[request]
        let site = scenario.sites[model.site]
        let siteModel = problem.sites[model.site]
        let specialty = source.specialty.rawValue
        let due = source.dueDate(delays: scenario.urgencyDelays)
        let place = "\(site.name) (\(site.commune))"
        if source.mode.needsSpecialist && model.specialists.isEmpty {
            return (.specialtyMatch, "no specialist practises \(specialty)")
        }
        var alone = self.alone
        if let link = model.series, let previous = link.previous {
            if let blocked = seriesReason(request, previous: previous, in: state, alone: &alone, place: place) {
                return (.seriesSpacing, blocked)
            }
        }
        if WithinHorizon.window(of: model, in: problem).duration < model.duration {
            if let latest = source.latestDate, latest < scenario.horizon.end || latest < source.firstPossibleDate {
                return (
                    .withinHorizon,
                    "its days \(source.firstPossibleDate) … \(latest) leave no time inside the horizon"
                        + " \(scenario.horizon.start) … \(scenario.horizon.end)"
                )
            }
            return (.withinHorizon, "its first possible date \(source.firstPossibleDate) is after the horizon")
        }
        let missing = source.requiredEquipment.filter { !site.equipment.contains($0) }
        let reachingUnits = problem.units.indices.filter { unit in
            let unitModel = problem.units[unit]
            return EquipmentAvailable.satisfied(
                required: model.equipment, site: siteModel.equipment, unit: unitModel.equipment)
                && UnitRouteFeasible.reaches(unitModel, siteModel, travel: problem.travel)
        }
        if !missing.isEmpty && reachingUnits.isEmpty {
            return (
                .equipmentAvailable,
                "\(place) lacks \(missing.map(\.rawValue).joined(separator: ", ")) and no unit carrying it reaches the site "
                    + "within its driving limit"
            )
        }
        guard let lone = search.options(for: request, in: alone, keep: 1).first else {
            return structuralReason(
                request, specialty: specialty, place: place, siteHostable: missing.isEmpty,
                unitCanCome: !reachingUnits.isEmpty)
        }
        let specialists = problem.requests[request].specialists
        let fits = { (relaxed: SolutionState) in !search.options(for: request, in: relaxed, keep: 1).isEmpty }
        let name = lone.placement.specialist.map { scenario.specialists[$0].name } ?? "the unit's crew"
        let when = "\(problem.timeline.localDate(ofTick: lone.placement.start))"
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
        if fits(unitsFreed()) {
            if unitStationTaken(lone.placement, site: model.site, in: state) {
                return (
                    .roomFree,
                    "the unit that could bring what \(place) lacks is busy with another consultation there whenever a "
                        + "\(specialty) specialist is free (a unit is one station; due \(due))"
                )
            }
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
        if fits(unitsFreed().freeingSpecialists(specialists)) {
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

    /// Why a care series occurrence is out when its series is the reason: it falls after the
    /// horizon, its predecessor is not booked, or no slot fits its spacing window even with
    /// nothing else booked. Otherwise nil, with the predecessor's booking added to `alone` so the
    /// usual diagnosis judges the request inside its window.
    private func seriesReason(
        _ request: Int, previous: Int, in state: SolutionState, alone: inout SolutionState, place: String
    ) -> String? {
        let scenario = problem.scenario
        let source = scenario.requests[request]
        let before = scenario.requests[previous].id
        guard let series = source.series else { return nil }
        let occurrence = "occurrence \(series.index ?? 0) of series \(series.id?.rawValue ?? "")"
        let gap = "\(series.minGapDays)–\(series.maxGapDays) days"
        let horizonEnd = scenario.horizon.end
        if source.firstPossibleDate > horizonEnd {
            return "\(occurrence) falls after the horizon (not before \(source.firstPossibleDate)): it is placed when "
                + "it enters the planning window, \(gap) after the previous booking"
        }
        guard let anchor = state.placements[previous] else {
            return "\(occurrence) waits for request \(before), the occurrence before it, which is not booked (its own "
                + "reason says why): an occurrence is booked only after the previous one, \(gap) later"
        }
        let from = problem.timeline.localDate(ofTick: anchor.start)
        let (first, last) = (from.adding(days: series.minGapDays), from.adding(days: series.maxGapDays))
        if first > horizonEnd {
            return "\(occurrence) is due \(gap) after request \(before) on \(from), from \(first), after the horizon: "
                + "it is placed when it enters the planning window, spaced from that booking"
        }
        if RequestOnce.isUnplaced(previous, in: alone) { alone.place(previous, anchor) }
        guard search.options(for: request, in: alone, keep: 1).isEmpty else { return nil }
        if last > horizonEnd {
            return "no slot at \(place) fits \(gap) after request \(before) on \(from) before the horizon ends "
                + "(\(first) to \(horizonEnd)); the rest of its window (to \(last)) is planned when it enters the "
                + "planning window"
        }
        return "no slot at \(place) fits \(gap) after request \(before) on \(from) (\(first) to \(last)), even "
            + "with nothing else booked: widen maxGapDays, move that occurrence, or open the site or specialists "
            + "on those days"
    }

    /// No placement even alone: the first of confirmed bookings, site hours, nurse presence and
    /// specialist availability that leaves no common time.
    private func structuralReason(
        _ request: Int, specialty: String, place: String, siteHostable: Bool, unitCanCome: Bool
    ) -> (ConstraintName, String) {
        let model = problem.requests[request]
        let site = problem.sites[model.site]
        if !problem.pinned.isEmpty,
            !search.options(for: request, in: SolutionState(problem: problem, pinning: false), keep: 1).isEmpty
        {
            return (.specialistNoOverlap, "confirmed bookings hold every \(specialty) slot that fits \(place)")
        }
        let window = IntervalSet(WithinHorizon.window(of: model, in: problem))
        let open = site.open.intersection(window)
        if open.firstFit(duration: model.duration) == nil {
            let minutes = problem.scenario.requests[request].durationMinutes
            return (.siteOpen, "\(place) is not open for \(minutes) minutes in a row before the horizon ends")
        }
        let availability = model.specialists.reduce(IntervalSet.empty) {
            $0.union(problem.specialists[$1].available)
        }
        switch model.mode {
        case .live:
            // A nurse on site, or a unit's crew when a unit can come.
            let staffed = unitCanCome ? open : (siteHostable ? open.intersection(site.nursePresent) : .empty)
            if staffed.firstFit(duration: model.duration) == nil {
                return (
                    .nursePresent, "no nurse is present at \(place) while it is open, and no unit can bring its crew"
                )
            }
            if staffed.intersection(availability).firstFit(duration: model.duration) == nil {
                return (
                    .specialistAvailable, "no \(specialty) specialist is available while \(place) is open and staffed"
                )
            }
        case .async:
            if !reviewFitsAfterSomeCapture(model, open: open, availability: availability) {
                return (
                    .specialistAvailable,
                    "no \(specialty) specialist is available within \(problem.scenario.asyncReviewDays) days after a "
                        + "capture at \(place)"
                )
            }
        case .crew:
            break  // No specialist: only the unit days below can block it.
        }
        if !unitCanCome {
            return (
                .specialistAvailable,
                "no time when \(place) is open and a \(specialty) specialist is free fits this request"
            )
        }
        return (
            .unitRouteFeasible,
            "no unit day can fit a visit to \(place) with a \(specialty) specialist free (shift, lunch, driving limit)"
        )
    }

    /// Whether some capture time at the site leaves a specialist slot inside the review delay.
    private func reviewFitsAfterSomeCapture(
        _ model: SchedulingProblem.Request, open: IntervalSet, availability: IntervalSet
    ) -> Bool {
        for piece in open.pieces where piece.duration >= model.duration {
            let captureEnd = piece.start + model.duration
            let latest = WithinHorizon.reviewWindow(captureEnd: piece.end, in: problem).end
            if availability.firstFit(duration: model.duration, notBefore: captureEnd, notAfterEnd: latest) != nil {
                return true
            }
        }
        return false
    }

    /// Whether the unit is already hosting another consultation at the site when the lone
    /// placement would need it.
    private func unitStationTaken(_ placement: Placement, site: Int, in state: SolutionState) -> Bool {
        guard let unit = placement.unit else { return false }
        // A full unit day is a route matter (capacity), whatever the station.
        guard state.routes[unit][placement.day].hostedCount < problem.units[unit].capacity else { return false }
        return state.routes[unit][placement.day].stops.contains { stop in
            stop.site == site && stop.bookings.contains { $0.interval.overlaps(placement.siteInterval) }
        }
    }
}
