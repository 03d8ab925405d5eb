/// The place staff were shown for a request (``Incumbent``), offered as an option of its own when
/// every rule still allows it: the earliest-start options elsewhere would rarely land on it, and a
/// re-optimisation should keep what it has no reason to move.
extension InsertionSearch {
    /// The construction's first step: every seen request back where staff saw it, when it still
    /// fits (higher served weight first), before regret insertion plans the rest around them.
    func placeIncumbent(into state: inout SolutionState) {
        let seen = problem.requests.indices.filter { problem.incumbent.place(of: $0) != nil }
            .sorted { (-problem.requests[$0].servedWeight, $0) < (-problem.requests[$1].servedWeight, $1) }
        for request in seen where RequestOnce.isUnplaced(request, in: state) {
            if let option = incumbentOption(for: request, in: state) { state.place(request, option: option) }
        }
    }

    func incumbentOption(for request: Int, in state: SolutionState) -> InsertionOption? {
        guard let shown = problem.incumbent.place(of: request),
            SeriesSpacing.days(of: request, in: state)?.contains(shown.day) ?? false
        else { return nil }
        let model = problem.requests[request]
        let window = WithinHorizon.window(of: model, in: problem)
        guard window.start <= shown.start, shown.end <= window.end, shown.end - shown.start == model.duration,
            problem.dayIndex(ofTick: shown.start) == shown.day
        else { return nil }
        if let specialist = shown.specialist {
            guard model.specialists.contains(specialist) else { return nil }
        } else if model.mode != .crew {
            return nil
        }
        let fits: Bool
        if let unit = shown.unit {
            fits = fitsUnit(request, shown, unit: unit, state)
        } else {
            fits = fitsSite(request, shown, state)
        }
        guard fits, reviewFits(request, shown, state) else { return nil }
        return InsertionOption(
            placement: shown, cost: cost(request, shown, addedTravel: 0, in: state),
            hostKey: InsertionOption.hostKey(specialist: shown.specialist, unit: shown.unit, day: shown.day))
    }

    /// The site interval on the site's own equipment: open, nurse present (`live`), a room, the
    /// patient and the specialist free, the specialist's day not full.
    private func fitsSite(_ request: Int, _ shown: Placement, _ state: SolutionState) -> Bool {
        let model = problem.requests[request]
        let site = problem.sites[model.site]
        guard UnitPresent.siteMayHost(model.mode),
            EquipmentAvailable.satisfied(required: model.equipment, site: site.equipment)
        else { return false }
        let query = siteQuery(request, liveSpecialist: model.mode == .live ? shown.specialist : nil, state)
        return Self.startsExactly(query, at: shown.siteInterval)
    }

    /// The site interval with the unit: a unit day that reaches the site with the equipment, a
    /// free station inside a recurring stop's window, and a route that stays feasible.
    private func fitsUnit(_ request: Int, _ shown: Placement, unit: Int, _ state: SolutionState) -> Bool {
        let model = problem.requests[request]
        let site = problem.sites[model.site]
        let unitModel = problem.units[unit]
        guard unitModel.days[shown.day] != nil,
            EquipmentAvailable.satisfied(required: model.equipment, site: site.equipment, unit: unitModel.equipment),
            UnitRouteFeasible.reaches(unitModel, site, travel: problem.travel)
        else { return false }
        let route = state.routes[unit][shown.day]
        var station = BusyList()
        if let index = route.stopIndex(ofSite: model.site) {
            let stop = route.stops[index]
            station = RoomFree.station(of: stop)
            if let pinned = stop.pinnedWindow {
                let window = UnitPresent.bookingWindow(
                    arrival: pinned.start, departure: pinned.end, setup: unitModel.setup)
                guard window.start <= shown.start, shown.end <= window.end else { return false }
            }
        }
        let query = unitQuery(
            request, liveSpecialist: model.mode == .live ? shown.specialist : nil, station: station, state)
        return Self.startsExactly(query, at: shown.siteInterval)
            && routeAccepts(request, shown, unit: unit, day: shown.day, state)
    }

    /// An `async` review inside the review delay, the specialist free; no review otherwise.
    private func reviewFits(_ request: Int, _ shown: Placement, _ state: SolutionState) -> Bool {
        let model = problem.requests[request]
        guard model.mode == .async else { return shown.review == nil }
        guard let review = shown.review, let specialist = shown.specialist else { return false }
        let window = WithinHorizon.reviewWindow(captureEnd: shown.end, in: problem)
        return window.start <= review.start && review.end <= window.end
            && Self.startsExactly(reviewQuery(specialist, duration: model.duration, state), at: review)
    }

    /// Whether every rule of `query` accepts a start exactly at `interval.start`.
    private static func startsExactly(_ query: FitQuery, at interval: TickInterval) -> Bool {
        query.earliest(notBefore: interval.start, notAfterEnd: interval.end) == interval.start
    }
}
