/// Finds the cheapest feasible placements of one request against the current solution: on the
/// site's own equipment, or with a unit (joining its stop at the site that day, or adding a stop).
/// Every option it returns satisfies the hard constraints given everything already placed.
struct InsertionSearch {
    let problem: SchedulingProblem
    let evaluator: UnitRouteFeasible
    let scheduler: RouteScheduler
    let continuityWeight: Double
    let travelWeight: Double
    /// What an option costs per day it starts later, on top of the tie-break. When the solver
    /// builds and repairs plans a day sooner is worth ``waitPressureMinutes`` of unit driving:
    /// not a term of the objective, it steers requests with wide windows to the early days and
    /// leaves the late ones, the only days requests released late can use (cheapest insertion
    /// alone fills the last days first, where units pass nearby, and the late releases find them
    /// full). Zero for proposals shown to staff and for explanations. Whole days only, so that
    /// within a day the tie-break alone orders times.
    let waitPressure: Double

    /// Tried 5, 10, 20 and 30 minutes at 10 s on the demo region and a generated one whose last
    /// days are full: 5 and 10 serve the most (20 and 30 spend too much driving); 10 on two
    /// other generated regions served as many as without pressure.
    static let waitPressureMinutes = 5.0
    /// A tiny cost per day (fractions count) so that, all else equal, earlier is preferred and
    /// choices are stable.
    static let earlinessTieBreak = 1e-3

    init(problem: SchedulingProblem, pressingEarlier: Bool = false) {
        self.problem = problem
        evaluator = UnitRouteFeasible(problem: problem)
        scheduler = RouteScheduler(problem: problem, evaluator: evaluator)
        continuityWeight = problem.scenario.weights.continuityBroken
        travelWeight = problem.scenario.weights.travelMinute
        waitPressure = pressingEarlier ? travelWeight * Self.waitPressureMinutes : 0
    }

    /// A care series occurrence only gets options on the days its predecessor's placement allows
    /// (``SeriesSpacing``), and none while that one is unplaced.
    func options(for request: Int, in state: SolutionState, keep: Int = 2) -> [InsertionOption] {
        // A later occurrence of a series may start after the horizon: it waits for the window.
        guard let days = SeriesSpacing.days(of: request, in: state),
            problem.requests[request].earliestStart < problem.endTick
        else { return [] }
        var shortlist = OptionShortlist(capacity: keep)
        if let shown = incumbentOption(for: request, in: state) { shortlist.offer(shown) }
        addSiteOptions(request, days: days, state, &shortlist)
        // Units are for what the site cannot do on time: skip them when the site serves on time.
        let onTime = shortlist.options.first.map { problem.lateness(request, day: $0.placement.day) == 0 } ?? false
        if !onTime || shortlist.options.count < keep {
            addUnitOptions(request, days: days, state, &shortlist)
        }
        return shortlist.options
    }

    /// Lateness, broken continuity (the preferred specialist, and the previous occurrence's of a
    /// care series), added travel, stability and the wait pressure. A series occurrence's
    /// successor is never placed while it is being inserted (removal takes it out too), so the
    /// term with the previous occurrence is its whole share.
    func cost(_ request: Int, _ placement: Placement, addedTravel: Double, in state: SolutionState) -> Double {
        let model = problem.requests[request]
        var cost = problem.lateness(request, day: placement.day)
        if let preferred = model.preferredSpecialist, preferred != placement.specialist { cost += continuityWeight }
        if let previous = SeriesSpacing.placedPredecessor(of: request, in: state),
            previous.specialist != placement.specialist
        {
            cost += continuityWeight
        }
        cost += travelWeight * addedTravel
        cost += problem.incumbent.cost(request, placement)
        cost += waitPressure * Double(placement.day)
        cost += Self.earlinessTieBreak * Double(placement.start) / Double(problem.timeline.ticksPerDay)
        return cost
    }

    // MARK: Site's own equipment

    private func addSiteOptions(
        _ request: Int, days: ClosedRange<Int>, _ state: SolutionState, _ shortlist: inout OptionShortlist
    ) {
        let model = problem.requests[request]
        let site = problem.sites[model.site]
        guard UnitPresent.siteMayHost(model.mode),
            EquipmentAvailable.satisfied(required: model.equipment, site: site.equipment)
        else { return }
        let window = SeriesSpacing.window(
            WithinHorizon.window(of: model, in: problem), days: days, timeline: problem.timeline)
        guard window.duration >= model.duration else { return }
        for specialist in model.specialists {
            let placement: Placement?
            switch model.mode {
            case .live:
                let query = siteQuery(request, liveSpecialist: specialist, state)
                placement = query.earliest(notBefore: window.start, notAfterEnd: window.end).map {
                    livePlacement(specialist, start: $0, duration: model.duration, unit: nil)
                }
            case .async:
                let capture = siteQuery(request, liveSpecialist: nil, state)
                placement = asyncPlacement(
                    request, specialist, capture: capture, window: window, unit: nil, state: state)
            case .crew:
                return  // UnitPresent.siteMayHost: never here.
            }
            if let placement {
                shortlist.offer(
                    InsertionOption(
                        placement: placement, cost: cost(request, placement, addedTravel: 0, in: state),
                        hostKey: InsertionOption.hostKey(specialist: specialist, unit: nil, day: placement.day)))
            }
        }
    }

    func livePlacement(_ specialist: Int, start: Int, duration: Int, unit: Int?) -> Placement {
        Placement(
            specialist: specialist, start: start, end: start + duration, review: nil, unit: unit,
            day: problem.dayIndex(ofTick: start))
    }

    /// An `async` placement: the earliest capture in `window` whose review the specialist can do
    /// within the review delay. When the specialist has no time soon after a capture, the capture
    /// moves towards the specialist's next free slot, a few times at most.
    func asyncPlacement(
        _ request: Int, _ specialist: Int, capture: FitQuery, window: TickInterval, unit: Int?, state: SolutionState
    ) -> Placement? {
        let duration = problem.requests[request].duration
        let review = reviewQuery(specialist, duration: duration, state)
        var notBefore = window.start
        for _ in 0..<4 {
            guard let start = capture.earliest(notBefore: notBefore, notAfterEnd: window.end) else { return nil }
            let end = start + duration
            let reviewWindow = WithinHorizon.reviewWindow(captureEnd: end, in: problem)
            if let reviewStart = review.earliest(notBefore: reviewWindow.start, notAfterEnd: reviewWindow.end) {
                return Placement(
                    specialist: specialist, start: start, end: end,
                    review: TickInterval(start: reviewStart, end: reviewStart + duration), unit: unit,
                    day: problem.dayIndex(ofTick: start))
            }
            guard let next = review.earliest(notBefore: end, notAfterEnd: problem.endTick) else { return nil }
            let span = problem.reviewSpan[problem.dayIndex(ofTick: start)]
            notBefore = max(start + 1, next - span)
        }
        return nil
    }

    /// When the specialist can review an `async` capture: available, free, and a day with room.
    func reviewQuery(_ specialist: Int, duration: Int, _ state: SolutionState) -> FitQuery {
        FitQuery(
            duration: duration, specialistAvailable: problem.specialists[specialist].available,
            specialistBusy: state.specialistBusy[specialist],
            specialistDailyMax: SpecialistDailyMax(specialist, in: state))
    }
}
