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
        guard route.load(problem) + model.load <= problem.units[unit].capacity else { return }
        let lateness = problem.lateness(request, day: day)
        let joined = route.stopIndex(ofSite: model.site)
        let positions = joined == nil ? newStopPositions(request, unit: unit, day: day, stops: route.stops, state) : []
        // Every other cost term is ≥ 0: a day whose cheapest driving cannot enter the shortlist is
        // left before its sequence is built (most days of a long window are).
        guard let cheapest = joined == nil ? positions.first?.added : 0,
            lateness + travelWeight * cheapest < shortlist.threshold
        else { return }
        let current = state.schedulerSequence(unit: unit, day: day)
        let newItem = RouteScheduler.Item(request: request, duration: model.duration, anchoredStart: nil, review: nil)
        // Candidates cheapest first, each with the driving it adds; sequences are built one at a
        // time, since most candidates are never scheduled.
        var candidates:
            [(
                added: Double,
                sequence: () -> [(site: Int, pinnedWindow: TickInterval?, items: [RouteScheduler.Item])]
            )] = []
        if let index = joined {
            candidates = [
                (
                    0,
                    {
                        var atEnd = current
                        atEnd[index].items.append(newItem)
                        return atEnd
                    }
                ),
                (
                    0,
                    {
                        var atFront = current
                        atFront[index].items.insert(newItem, at: 0)
                        return atFront
                    }
                ),
            ]
        } else {
            candidates = positions.map { position, added in
                (
                    added,
                    {
                        var sequence = current
                        sequence.insert((site: model.site, pinnedWindow: nil, items: [newItem]), at: position)
                        return sequence
                    }
                )
            }
        }
        let drivenBefore = state.timings[unit][day]?.exactDrivingMinutes ?? 0
        for candidate in candidates {
            // Every other cost term is ≥ 0: once the added driving alone cannot enter the
            // shortlist, no later (costlier) candidate can.
            if lateness + travelWeight * candidate.added >= shortlist.threshold { return }
            guard let result = scheduler.schedule(unit: unit, day: day, sequence: candidate.sequence(), state: state),
                let start = result.start(of: request)
            else { continue }
            let end = start + model.duration
            let addedTravel = result.timing.exactDrivingMinutes - drivenBefore
            func retimed() -> [Int: Int] {
                var moved: [Int: Int] = [:]
                for (other, start) in result.starts where other != request && state.placements[other]?.start != start {
                    moved[other] = start
                }
                return moved
            }
            if model.mode == .crew {
                let placement = Placement(
                    specialist: nil, start: start, end: end, review: nil, unit: unit,
                    day: problem.dayIndex(ofTick: start))
                guard placement.day == day else { continue }
                var option = InsertionOption(
                    placement: placement, cost: cost(request, placement, addedTravel: addedTravel, in: state),
                    hostKey: InsertionOption.hostKey(specialist: nil, unit: unit, day: day))
                guard option.cost < shortlist.threshold else { return }
                option.retimed = retimed()
                option.cost += problem.incumbent.retimingCost(option.retimed, placements: state.placements)
                shortlist.offer(option)
                // Crew work costs only its driving (the wait pressure is the same all day, the
                // tie-break tiny): later candidates cannot beat it.
                return
            }
            for specialist in model.specialists {
                let reviewWindow = WithinHorizon.reviewWindow(captureEnd: end, in: problem)
                guard
                    let reviewStart = reviewQuery(specialist, duration: model.duration, state).earliest(
                        notBefore: reviewWindow.start, notAfterEnd: reviewWindow.end)
                else { continue }
                let placement = Placement(
                    specialist: specialist, start: start, end: end,
                    review: TickInterval(start: reviewStart, end: reviewStart + model.duration), unit: unit,
                    day: problem.dayIndex(ofTick: start))
                guard placement.day == day else { continue }
                var option = InsertionOption(
                    placement: placement,
                    cost: cost(request, placement, addedTravel: addedTravel, in: state),
                    hostKey: InsertionOption.hostKey(specialist: specialist, unit: unit, day: day))
                // As for crew work: which bookings move is only worked out for an option that can enter.
                guard option.cost < shortlist.threshold else { continue }
                option.retimed = retimed()
                option.cost += problem.incumbent.retimingCost(option.retimed, placements: state.placements)
                shortlist.offer(option)
            }
        }
    }

    /// Where a new stop for `request` may go in the day, with the driving each adds: positions the
    /// day's ``RouteSlack`` admits, cheapest first (ties keep route order).
    private func newStopPositions(
        _ request: Int, unit: Int, day: Int, stops: [Route.Stop], _ state: SolutionState
    ) -> [(position: Int, added: Double)] {
        let model = problem.requests[request]
        let site = problem.sites[model.site]
        let travel = problem.travel
        let depot = problem.units[unit].place
        let places = stops.map { problem.sites[$0.site].place }
        let slack = state.slacks[unit][day]
        let drivingLeft = problem.units[unit].maxDriving - (state.timings[unit][day]?.drivingTicks ?? 0)
        var candidates: [(position: Int, added: Double)] = []
        for position in 0...stops.count {
            let from = position == 0 ? depot : places[position - 1]
            let to = position == stops.count ? depot : places[position]
            // The driving limit counts whole ticks per leg, whatever the times: a detour longer
            // than what the day has left fails, so the scheduler is spared it.
            guard travel.ticks(from, site.place) + travel.ticks(site.place, to) - travel.ticks(from, to) <= drivingLeft
            else { continue }
            if let slack,
                !slack.admits(
                    place: site.place, open: site.open, duration: model.duration, earliestStart: model.earliestStart,
                    at: position, travel: travel)
            {
                continue
            }
            let added =
                travel.exactMinutes(from, site.place) + travel.exactMinutes(site.place, to)
                - travel.exactMinutes(from, to)
            candidates.append((position, added))
        }
        return candidates.sorted { ($0.added, $0.position) < ($1.added, $1.position) }
    }
}
