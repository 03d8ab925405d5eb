/// `async` captures and `crew` work hosted by a unit: the new booking may go at any position of
/// the unit day (a new stop between any two, or joining the stop at its site), and the day's other
/// floating bookings move to make room (``RouteScheduler``); for a capture, the specialist's
/// review follows.
extension InsertionSearch {
    func addRetimedCaptureOptions(
        _ request: Int, unit: Int, day: Int, _ state: SolutionState, _ shortlist: inout OptionShortlist
    ) {
        let model = problem.requests[request]
        let route = state.routes[unit][day]
        let current = route.stops.map { stop in
            (site: stop.site, pinnedWindow: stop.pinnedWindow, items: stop.bookings.map { item(for: $0.owner, state) })
        }
        let newItem = RouteScheduler.Item(request: request, duration: model.duration, anchoredStart: nil, review: nil)
        // Built one at a time: crew work usually stops at the first (cheapest) that schedules.
        let sequences: [() -> [(site: Int, pinnedWindow: MinuteInterval?, items: [RouteScheduler.Item])]]
        if let index = route.stopIndex(ofSite: model.site) {
            sequences = [
                {
                    var atEnd = current
                    atEnd[index].items.append(newItem)
                    return atEnd
                },
                {
                    var atFront = current
                    atFront[index].items.insert(newItem, at: 0)
                    return atFront
                },
            ]
        } else {
            sequences = newStopPositions(request, unit: unit, day: day, current: current).map { position in
                {
                    var sequence = current
                    sequence.insert((site: model.site, pinnedWindow: nil, items: [newItem]), at: position)
                    return sequence
                }
            }
        }
        let drivenBefore = state.timings[unit][day]?.exactDrivingMinutes ?? 0
        for sequence in sequences {
            guard let result = scheduler.schedule(unit: unit, day: day, sequence: sequence(), state: state),
                let start = result.starts[request]
            else { continue }
            let end = start + model.duration
            let retimed = result.starts.filter { $0.key != request && state.placements[$0.key]?.start != $0.value }
            let addedTravel = result.timing.exactDrivingMinutes - drivenBefore
            if model.mode == .crew {
                let placement = Placement(
                    specialist: nil, start: start, end: end, review: nil, unit: unit,
                    day: problem.dayIndex(ofMinute: start))
                guard placement.day == day else { continue }
                var option = InsertionOption(
                    placement: placement, cost: cost(request, placement, addedTravel: addedTravel),
                    hostKey: InsertionOption.hostKey(specialist: nil, unit: unit, day: day))
                option.retimed = retimed
                shortlist.offer(option)
                // Positions come cheapest first and crew work costs only travel: the rest cannot beat it.
                return
            }
            for specialist in model.specialists {
                let review = FitQuery(
                    duration: model.duration, allowed: [problem.specialists[specialist].available],
                    busy: [state.specialistBusy[specialist]], dailyLimit: dailyLimit(specialist, state))
                guard
                    let reviewStart = review.earliest(notBefore: end, notAfterEnd: problem.reviewLimit(captureEnd: end))
                else { continue }
                let placement = Placement(
                    specialist: specialist, start: start, end: end,
                    review: MinuteInterval(start: reviewStart, end: reviewStart + model.duration), unit: unit,
                    day: problem.dayIndex(ofMinute: start))
                guard placement.day == day else { continue }
                var option = InsertionOption(
                    placement: placement,
                    cost: cost(request, placement, addedTravel: addedTravel),
                    hostKey: InsertionOption.hostKey(specialist: specialist, unit: unit, day: day))
                option.retimed = retimed
                shortlist.offer(option)
            }
        }
    }

    /// Where a new stop for `request` may go in the day: positions the ``RouteSlack`` test admits,
    /// by added driving (cheapest first; ties keep route order).
    private func newStopPositions(
        _ request: Int, unit: Int, day: Int,
        current: [(site: Int, pinnedWindow: MinuteInterval?, items: [RouteScheduler.Item])]
    ) -> [Int] {
        let model = problem.requests[request]
        let site = problem.sites[model.site]
        let travel = problem.travel
        let depot = problem.units[unit].place
        let places = current.map { problem.sites[$0.site].place }
        let slack = RouteSlack(problem: problem, unit: unit, day: day, sequence: current)
        var candidates: [(added: Double, position: Int)] = []
        for position in 0...current.count {
            if let slack,
                !slack.admits(
                    place: site.place, open: site.open, duration: model.duration, earliestStart: model.earliestStart,
                    at: position, travel: travel)
            {
                continue
            }
            let from = position == 0 ? depot : places[position - 1]
            let to = position == current.count ? depot : places[position]
            let added =
                travel.exactMinutes(from, site.place) + travel.exactMinutes(site.place, to)
                - travel.exactMinutes(from, to)
            candidates.append((added, position))
        }
        return candidates.sorted { ($0.added, $0.position) < ($1.added, $1.position) }.map(\.position)
    }

    /// How the scheduler treats a booking already on the route: unpinned `async` captures and
    /// `crew` work float, everything else keeps its start.
    private func item(for request: Int, _ state: SolutionState) -> RouteScheduler.Item {
        let placement = state.placements[request]!
        let floating = problem.requests[request].mode != .live && !state.isPinned[request]
        return RouteScheduler.Item(
            request: request, duration: placement.end - placement.start,
            anchoredStart: floating ? nil : placement.start, review: floating ? placement.review : nil)
    }
}
