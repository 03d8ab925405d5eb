import Foundation
import TelemedCore

extension SchedulingProblem {
    /// Compiles a valid scenario. Validation problems are refused (the solver assumes ids resolve),
    /// and so are pinned facts that break a hard rule by themselves (``PinnedFactCheck``): the
    /// search would otherwise return a plan the checker rejects.
    init(scenario: Scenario, travelModel: (any TravelModel)? = nil) throws(SolverError) {
        try self.init(validScenario: scenario, travelModel: travelModel)
        let pinned = PinnedFactCheck(problem: self).issues.filter(\.refuses)
        guard pinned.isEmpty else { throw .invalidScenario(pinned.map(\.description)) }
    }

    /// Compiles a scenario that passes ``ScenarioValidator`` (refused otherwise), pinned facts
    /// unchecked: what ``PinnedFactCheck`` itself works on.
    init(validScenario scenario: Scenario, travelModel: (any TravelModel)? = nil) throws(SolverError) {
        try KnownReference.refuseInvalid(scenario)
        let model: any TravelModel
        if let travelModel {
            model = travelModel
        } else {
            do {
                model = try scenario.travel.makeModel(relativeTo: nil)
            } catch {
                throw .travel(error)
            }
        }
        let availability = AvailabilityModel(scenario)
        let timeline = availability.timeline
        let index = availability.index
        let travel = try TravelMatrix(scenario: scenario, model: model)
        var equipment = VocabularyMask<Equipment>()

        var sites: [Site] = []
        for (position, site) in scenario.sites.enumerated() {
            sites.append(
                Site(
                    open: availability.open[position], nursePresent: availability.nursePresent[position],
                    rooms: max(1, site.rooms), equipment: try equipment.mask(site.equipment),
                    place: travel.site(position)))
        }
        let specialists = scenario.specialists.enumerated().map { position, specialist in
            Specialist(available: availability.available[position], maxPerDay: specialist.maxSessionsPerDay)
        }
        var units: [Unit] = []
        for (position, unit) in scenario.units.enumerated() {
            let days = (0..<timeline.dayCount).map { day -> Day? in
                guard let shift = availability.shift(unit: position, day: day) else { return nil }
                let date = timeline.days[day]
                let stops = unit.recurringStops.filter { $0.occurs(on: date) }.compactMap { stop -> PinnedStop? in
                    guard let site = index.sites[stop.siteId],
                        let window = timeline.interval(onDay: day, from: stop.arrival, to: stop.departure)
                    else { return nil }
                    return PinnedStop(site: site, arrival: window.start, departure: window.end)
                }
                let lunch = unit.lunchBreak.flatMap {
                    timeline.interval(onDay: day, from: $0.earliestStart, to: $0.latestEnd)
                }
                return Day(
                    shift: shift, lunchWindow: lunch,
                    lunchTicks: timeline.ticks(minutes: unit.lunchBreak?.minutes ?? 0),
                    recurringStops: stops.sorted { $0.arrival < $1.arrival })
            }
            units.append(
                Unit(
                    equipment: try equipment.mask(unit.equipment), place: travel.depot(position),
                    setup: timeline.ticks(minutes: unit.setupMinutes),
                    maxDriving: timeline.ticks(minutes: unit.maxDrivingMinutesPerDay),
                    capacity: unit.capacityPerDay ?? .max, days: days))
        }

        var compiler = RequestCompiler(scenario: scenario, index: index, timeline: timeline)
        compiler.equipment = equipment
        var requests: [Request] = []
        for request in scenario.requests { requests.append(try compiler.compile(request)) }
        Self.link(&requests, scenario.requests)

        let reviewDays = scenario.asyncReviewDays
        let reviewSpan = timeline.days.map { date in
            min(
                reviewDays * timeline.ticksPerDay,
                timeline.dayRange(date.adding(days: reviewDays)).start - timeline.dayRange(date).start)
        }

        var pinned: [PinnedBooking] = []
        for booking in scenario.bookings where booking.status.isPinned {
            guard let request = index.requests[booking.requestId] else { continue }
            pinned.append(
                PinnedBooking(
                    request: request, booking: booking,
                    placement: Self.placement(of: booking, index: index, timeline: timeline)))
        }

        self.init(
            scenario: scenario, availability: availability, travel: travel, requests: requests, sites: sites,
            specialists: specialists, units: units, pinned: pinned, patientCount: compiler.patients.count,
            departments: compiler.departments, reviewSpan: reviewSpan, requestCompiler: compiler,
            zoneGroups: ZoneGroups(scenario: scenario),
            incumbent: Incumbent(scenario: scenario, index: index, timeline: timeline),
            hostingUnits: requests.map { Self.hostingUnits(of: $0, sites: sites, units: units, travel: travel) })
    }
}

extension SchedulingProblem {
    /// Where a booking of the scenario sits on the timeline: what a pinned booking holds.
    static func placement(of booking: Booking, index: ScenarioIndex, timeline: Timeline) -> Placement {
        let start = timeline.tick(of: booking.start)
        return Placement(
            specialist: booking.specialistId.flatMap { index.specialists[$0] }, start: start,
            end: timeline.tick(of: booking.end, rounding: .up),
            review: booking.review.map {
                TickInterval(start: timeline.tick(of: $0.start), end: timeline.tick(of: $0.end, rounding: .up))
            },
            unit: booking.host.unitId.flatMap { index.units[$0] }, day: timeline.dayIndex(ofTick: start) ?? 0)
    }
}
