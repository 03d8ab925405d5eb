/// Options hosted by an itinerant unit.
extension InsertionSearch {
    /// `days`: the days a care series occurrence may start on (``SeriesSpacing``).
    func addUnitOptions(
        _ request: Int, days: ClosedRange<Int>, _ state: SolutionState, _ shortlist: inout OptionShortlist
    ) {
        let model = problem.requests[request]
        let site = problem.sites[model.site]
        let window = WithinHorizon.days(of: model, in: problem)
        let firstDay = max(window.lowerBound, days.lowerBound)
        let endDay = min(window.upperBound, days.upperBound + 1)
        guard firstDay < endDay else { return }
        let units = problem.unitsThatMayHost(request)
        guard !units.isEmpty else { return }
        // Day by day across the units, so that once the shortlist is full no unit looks at a day
        // whose lateness alone costs more than what is kept (costs only grow with lateness).
        for day in firstDay..<endDay {
            let lowerBound =
                problem.lateness(request, day: day) + waitPressure * Double(day) + Self.earlinessTieBreak
                * Double(problem.timeline.dayStarts[day]) / Double(problem.timeline.ticksPerDay)
            if lowerBound >= shortlist.threshold { break }
            for unit in units where problem.units[unit].days[day] != nil {
                addOptions(request, unit: unit, day: day, state, &shortlist)
            }
        }
    }

    /// The options of `request` on one unit day only: how a repair that opens an idle day puts
    /// its first request there. Empty when the day cannot host it.
    func options(for request: Int, unit: Int, day: Int, in state: SolutionState, keep: Int = 1) -> [InsertionOption] {
        let model = problem.requests[request]
        guard let days = SeriesSpacing.days(of: request, in: state), days.contains(day),
            WithinHorizon.days(of: model, in: problem).contains(day), problem.units[unit].days[day] != nil,
            problem.unitsThatMayHost(request).contains(unit)
        else { return [] }
        var shortlist = OptionShortlist(capacity: keep)
        addOptions(request, unit: unit, day: day, state, &shortlist)
        return shortlist.options
    }

    /// One unit day's options: captures and crew work float on the route (re-timed), `live`
    /// consultations need a gap between stops.
    private func addOptions(
        _ request: Int, unit: Int, day: Int, _ state: SolutionState, _ shortlist: inout OptionShortlist
    ) {
        if problem.requests[request].mode != .live {
            addRetimedCaptureOptions(request, unit: unit, day: day, state, &shortlist)
        } else {
            addUnitDayOptions(request, unit: unit, day: day, state, &shortlist)
        }
    }

    private func addUnitDayOptions(
        _ request: Int, unit: Int, day: Int, _ state: SolutionState, _ shortlist: inout OptionShortlist
    ) {
        let model = problem.requests[request]
        let unitModel = problem.units[unit]
        let dayModel = unitModel.days[day]!
        let route = state.routes[unit][day]
        guard route.load(problem) + model.load <= unitModel.capacity else { return }
        let drivingLeft = unitModel.maxDriving - (state.timings[unit][day]?.drivingTicks ?? 0)
        let windows = route.stops.map { $0.window(setup: unitModel.setup) }
        let sitePlace = problem.sites[model.site].place
        let travel = problem.travel
        let lateness = problem.lateness(request, day: day)

        func neighbours(before index: Int, after nextIndex: Int) -> (
            prevEnd: Int, prevPlace: Int, nextStart: Int, nextPlace: Int
        ) {
            let prevEnd = index < 0 ? dayModel.shift.start : windows[index].end
            let prevPlace = index < 0 ? unitModel.place : problem.sites[route.stops[index].site].place
            let nextStart = nextIndex >= route.stops.count ? dayModel.shift.end : windows[nextIndex].start
            let nextPlace =
                nextIndex >= route.stops.count ? unitModel.place : problem.sites[route.stops[nextIndex].site].place
            return (prevEnd, prevPlace, nextStart, nextPlace)
        }

        if let index = route.stopIndex(ofSite: model.site) {
            let stop = route.stops[index]
            let window: TickInterval
            if let pinned = stop.pinnedWindow {
                window = UnitPresent.bookingWindow(arrival: pinned.start, departure: pinned.end, setup: unitModel.setup)
            } else {
                let around = neighbours(before: index - 1, after: index + 1)
                window = UnitPresent.bookingWindow(
                    arrival: around.prevEnd + travel.ticks(around.prevPlace, sitePlace),
                    departure: around.nextStart - travel.ticks(sitePlace, around.nextPlace), setup: unitModel.setup)
            }
            tryWindow(
                request, unit: unit, day: day, window: window, station: RoomFree.station(of: stop), addedTravel: 0,
                state, &shortlist)
        } else {
            for position in 0...route.stops.count {
                let around = neighbours(before: position - 1, after: position)
                let inbound = travel.ticks(around.prevPlace, sitePlace)
                let outbound = travel.ticks(sitePlace, around.nextPlace)
                let window = UnitPresent.bookingWindow(
                    arrival: around.prevEnd + inbound, departure: around.nextStart - outbound, setup: unitModel.setup)
                guard window.duration >= model.duration,
                    inbound + outbound - travel.ticks(around.prevPlace, around.nextPlace) <= drivingLeft
                else { continue }
                let added =
                    travel.exactMinutes(around.prevPlace, sitePlace) + travel.exactMinutes(sitePlace, around.nextPlace)
                    - travel.exactMinutes(around.prevPlace, around.nextPlace)
                // Every other cost term is ≥ 0: a position whose driving alone cannot enter the
                // shortlist is not tried.
                guard lateness + travelWeight * added < shortlist.threshold else { continue }
                tryWindow(
                    request, unit: unit, day: day, window: window, station: BusyList(), addedTravel: added, state,
                    &shortlist)
            }
        }
    }

    /// The earliest start inside `window` that the site, patient, unit station and a specialist
    /// allow and that leaves the unit day feasible; retried once after the lunch window when the
    /// first fit leaves no room for lunch.
    private func tryWindow(
        _ request: Int, unit: Int, day: Int, window: TickInterval, station: BusyList, addedTravel: Double,
        _ state: SolutionState, _ shortlist: inout OptionShortlist
    ) {
        let model = problem.requests[request]
        let dayRange = problem.timeline.dayRange(ofDay: day)
        let notBefore = max(window.start, model.earliestStart, dayRange.start)
        let limit = min(window.end, dayRange.end)
        guard limit - notBefore >= model.duration else { return }
        let lunchEnd = problem.units[unit].days[day]!.lunchWindow?.end
        for specialist in model.specialists {
            var start = notBefore
            for attempt in 0..<2 {
                let placement: Placement?
                switch model.mode {
                case .live:
                    let query = unitQuery(request, liveSpecialist: specialist, station: station, state)
                    placement = query.earliest(notBefore: start, notAfterEnd: limit).map {
                        livePlacement(specialist, start: $0, duration: model.duration, unit: unit)
                    }
                case .async:
                    let capture = unitQuery(request, liveSpecialist: nil, station: station, state)
                    placement = asyncPlacement(
                        request, specialist, capture: capture, window: TickInterval(start: start, end: limit),
                        unit: unit,
                        state: state)
                case .crew:
                    return  // Floats on the route like a capture: addRetimedCaptureOptions.
                }
                guard let placement else { break }
                if routeAccepts(request, placement, unit: unit, day: day, state) {
                    shortlist.offer(
                        InsertionOption(
                            placement: placement, cost: cost(request, placement, addedTravel: addedTravel, in: state),
                            hostKey: InsertionOption.hostKey(specialist: specialist, unit: unit, day: day)))
                    break
                }
                guard attempt == 0, let lunchEnd, placement.start < lunchEnd else { break }
                start = lunchEnd
            }
        }
    }

    /// Whether the unit day stays feasible with the booking added.
    func routeAccepts(_ request: Int, _ placement: Placement, unit: Int, day: Int, _ state: SolutionState) -> Bool {
        let site = problem.requests[request].site
        var route = state.routes[unit][day]
        let entry = BusyList.Entry(interval: placement.siteInterval, owner: request)
        if let index = route.stopIndex(ofSite: site) {
            route.stops[index].bookings.append(entry)
            route.stops[index].bookings.sort { $0.interval < $1.interval }
        } else {
            route.stops.append(Route.Stop(site: site, bookings: [entry]))
        }
        let setup = problem.units[unit].setup
        route.stops.sort { $0.window(setup: setup).start < $1.window(setup: setup).start }
        return evaluator.evaluate(unit: unit, day: day, stops: route.stops) != nil
    }
}
