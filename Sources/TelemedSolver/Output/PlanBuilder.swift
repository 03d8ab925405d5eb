import Foundation
import TelemedCore

/// Turns a solution state into the ``Plan`` document: UTC instants, ids, room numbers, unit days,
/// and the solver's own score. Output order is fixed so the same state gives the same bytes.
struct PlanBuilder {
    let problem: SchedulingProblem

    func plan(from state: SolutionState, unassigned: [UnassignedRequest]) -> Plan {
        let scenario = problem.scenario
        let timeline = problem.timeline
        let pinnedBookings = Dictionary(uniqueKeysWithValues: problem.pinned.map { ($0.request, $0.booking) })
        let rooms = roomNumbers(state)
        var bookings: [Booking] = []
        for (request, placement) in state.placements.enumerated() {
            guard let placement else { continue }
            if let pinned = pinnedBookings[request] {
                bookings.append(pinned)
                continue
            }
            let model = scenario.requests[request]
            bookings.append(
                Booking(
                    id: Booking.ID("B-\(model.id.rawValue)"), requestId: model.id,
                    specialistId: placement.specialist.map { scenario.specialists[$0].id }, siteId: model.siteId,
                    start: timeline.date(ofTick: placement.start), end: timeline.date(ofTick: placement.end),
                    review: placement.review.map {
                        UTCInterval(start: timeline.date(ofTick: $0.start), end: timeline.date(ofTick: $0.end))
                    },
                    host: placement.unit.map { .unitVisit(scenario.units[$0].id) } ?? .siteEquipment,
                    status: .proposed, version: 1, room: rooms[request]))
        }
        bookings.sort { ($0.start, $0.id) < ($1.start, $1.id) }

        var visits: [Visit] = []
        var unitDays: [UnitDay] = []
        for (unit, days) in state.routes.enumerated() {
            for (day, route) in days.enumerated() where !route.isEmpty {
                let records = unitDayRecords(unit: unit, day: day, in: state)
                visits += records.visits
                if let unitDay = records.unitDay { unitDays.append(unitDay) }
            }
        }
        return Plan(
            bookings: bookings, visits: visits, unitDays: unitDays,
            unassigned: unassigned.sorted { $0.requestId < $1.requestId },
            score: Objective(problem: problem).score(state))
    }

    /// One unit day's visits in route order and its depot/lunch/driving record.
    func unitDayRecords(unit: Int, day: Int, in state: SolutionState) -> (visits: [Visit], unitDay: UnitDay?) {
        let timeline = problem.timeline
        let scenario = problem.scenario
        let unitId = scenario.units[unit].id
        let date = timeline.days[day]
        let visits = state.routes[unit][day].stops.enumerated().map { order, stop in
            let window = stop.window(setup: problem.units[unit].setup)
            return Visit(
                unitId: unitId, date: date, siteId: scenario.sites[stop.site].id,
                arrival: timeline.date(ofTick: window.start), departure: timeline.date(ofTick: window.end),
                order: order + 1, pinned: stop.pinnedWindow != nil)
        }
        let unitDay = state.timings[unit][day].map { timing in
            UnitDay(
                unitId: unitId, date: date, leavesDepot: timeline.date(ofTick: timing.leavesDepot),
                returnsDepot: timeline.date(ofTick: timing.returnsDepot),
                lunch: timing.lunch.map {
                    UTCInterval(start: timeline.date(ofTick: $0.start), end: timeline.date(ofTick: $0.end))
                },
                drivingMinutes: (timing.exactDrivingMinutes * 100).rounded() / 100,
                kilometres: (timing.kilometres * 100).rounded() / 100)
        }
        return (visits, unitDay)
    }

    /// Room numbers for site-hosted bookings at sites with several rooms: interval partitioning,
    /// lowest free room first.
    private func roomNumbers(_ state: SolutionState) -> [Int: Int] {
        var numbers: [Int: Int] = [:]
        for (site, model) in problem.sites.enumerated() where model.rooms > 1 {
            var roomFreeAt = [Int](repeating: .min, count: model.rooms)
            for entry in state.siteBusy[site].entries.sorted(by: { ($0.interval, $0.owner) < ($1.interval, $1.owner) })
            {
                guard let room = roomFreeAt.firstIndex(where: { $0 <= entry.interval.start }) else { continue }
                roomFreeAt[room] = entry.interval.end
                numbers[entry.owner] = room + 1
            }
        }
        return numbers
    }
}
