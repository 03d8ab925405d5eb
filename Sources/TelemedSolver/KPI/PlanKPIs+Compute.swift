import Foundation
import TelemedCore

extension PlanKPIs {
    /// The KPIs of `plan` for `scenario`: a pure function of the two documents.
    ///
    /// A request counts as served when the plan holds a booking of it that is not cancelled (the
    /// earliest one when a broken plan holds several). Dates are local (``WallClock/paris``).
    /// Specialist availability is the contract's "specialist available" (weekly hours on horizon
    /// days that are not observed public holidays, with the exceptions applied), through
    /// ``AvailabilityModel``; a unit's available minutes are its shifts on its unit days.
    public init(scenario: Scenario, plan: Plan) {
        let clock = WallClock.paris
        let bookingByRequest = plan.bookings.servingByRequest
        let sites = Dictionary(scenario.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        var urgencyRequests: [Urgency: Int] = [:]
        var urgencyServed: [Urgency: Int] = [:]
        var urgencyWaits: [Urgency: [Int]] = [:]
        var urgencyLate: [Urgency: Int] = [:]
        var modeCounts: [ConsultationMode: (requests: Int, served: Int)] = [:]
        var departmentCounts: [String: (requests: Int, served: Int)] = [:]
        for request in scenario.requests {
            let department = sites[request.siteId]?.departmentCode ?? "unknown"
            urgencyRequests[request.urgency, default: 0] += 1
            modeCounts[request.mode, default: (0, 0)].requests += 1
            departmentCounts[department, default: (0, 0)].requests += 1
            guard let booking = bookingByRequest[request.id] else { continue }
            urgencyServed[request.urgency, default: 0] += 1
            modeCounts[request.mode, default: (0, 0)].served += 1
            departmentCounts[department, default: (0, 0)].served += 1
            let startDate = clock.localDate(of: booking.start)
            urgencyWaits[request.urgency, default: []].append(request.releaseDate.days(to: startDate))
            if startDate > request.dueDate(delays: scenario.urgencyDelays) {
                urgencyLate[request.urgency, default: 0] += 1
            }
        }
        let byUrgency = Urgency.allCases.map { urgency in
            UrgencyKPIs(
                urgency: urgency, requests: urgencyRequests[urgency] ?? 0, served: urgencyServed[urgency] ?? 0,
                waits: urgencyWaits[urgency] ?? [], late: urgencyLate[urgency] ?? 0)
        }
        let served = byUrgency.reduce(0) { $0 + $1.served }
        let requests = scenario.requests.count
        // Whole minutes whatever the scenario's resolution: KPIs count minutes.
        let availability = AvailabilityModel(scenario, timeline: Timeline(horizon: scenario.horizon))

        self.init(
            requests: requests, served: served,
            servedPercent: requests == 0 ? nil : 100 * Double(served) / Double(requests),
            late: byUrgency.reduce(0) { $0 + $1.late }, byUrgency: byUrgency,
            // `live` and `async` always (what care teams book); `crew` only when the scenario has it.
            byMode: ConsultationMode.allCases.filter { $0.needsSpecialist || modeCounts[$0] != nil }.map { mode in
                ServedShare(
                    key: mode.rawValue, requests: modeCounts[mode]?.requests ?? 0, served: modeCounts[mode]?.served ?? 0
                )
            },
            byDepartment: departmentCounts.keys.sorted().map { code in
                ServedShare(
                    key: code, requests: departmentCounts[code]!.requests, served: departmentCounts[code]!.served)
            },
            unitKilometres: plan.unitDays.reduce(0) { $0 + $1.kilometres },
            unitDrivingHours: plan.unitDays.reduce(0) { $0 + $1.drivingMinutes } / 60,
            unitDaysUsed: Set(plan.unitDays.map { UnitDayKey(unit: $0.unitId, date: $0.date) }).count,
            visits: plan.visits.count,
            specialistUtilisation: Self.specialistUtilisation(scenario, plan, availability),
            unitUtilisation: Self.unitUtilisation(scenario, plan, availability),
            unassigned: plan.unassigned.count,
            unassignedByConstraint: Self.unassignedByConstraint(plan),
            stability: Self.stability(scenario, plan),
            campaigns: scenario.campaigns.isEmpty ? nil : CampaignProgress.of(scenario, bookings: plan.bookings))
    }

    private static func stability(_ scenario: Scenario, _ plan: Plan) -> Stability? {
        let seen = SeenProposals(scenario)
        return seen.bookings.isEmpty ? nil : seen.stability(of: plan)
    }

    /// Specialist minutes are the review of an `async` request and the consultation of a `live` one.
    private static func specialistUtilisation(
        _ scenario: Scenario, _ plan: Plan, _ availability: AvailabilityModel
    ) -> Utilisation {
        let modes = Dictionary(scenario.requests.map { ($0.id, $0.mode) }, uniquingKeysWith: { first, _ in first })
        var busy: [Specialist.ID: Int] = [:]
        for booking in plan.bookings where booking.status.occupiesResources {
            guard let specialistId = booking.specialistId else { continue }
            let interval = modes[booking.requestId] == .async ? booking.review ?? booking.interval : booking.interval
            busy[specialistId, default: 0] += interval.minutes
        }
        return Utilisation(
            byResource: scenario.specialists.map { specialist in
                let index = availability.index.specialists[specialist.id]!
                return ResourceUtilisation(
                    id: specialist.id.rawValue, busyMinutes: busy[specialist.id] ?? 0,
                    availableMinutes: availability.available[index].totalTicks)
            })
    }

    private static func unitUtilisation(_ scenario: Scenario, _ plan: Plan, _ availability: AvailabilityModel)
        -> Utilisation
    {
        var busy: [MobileUnit.ID: Int] = [:]
        for day in plan.unitDays {
            busy[day.unitId, default: 0] += UTCInterval(start: day.leavesDepot, end: day.returnsDepot).minutes
        }
        return Utilisation(
            byResource: scenario.units.map { unit in
                let index = availability.index.units[unit.id]!
                let shiftMinutes = availability.timeline.days.indices.reduce(0) { total, day in
                    total + (availability.shift(unit: index, day: day)?.duration ?? 0)
                }
                return ResourceUtilisation(
                    id: unit.id.rawValue, busyMinutes: busy[unit.id] ?? 0, availableMinutes: shiftMinutes)
            })
    }

    /// In the contract's order of ``ConstraintName``.
    private static func unassignedByConstraint(_ plan: Plan) -> [ConstraintCount] {
        let counts = Dictionary(grouping: plan.unassigned, by: \.constraint).mapValues(\.count)
        return ConstraintName.allCases.compactMap { name in
            counts[name].map { ConstraintCount(constraint: name, count: $0) }
        }
    }
}

private struct UnitDayKey: Hashable {
    let unit: MobileUnit.ID
    let date: LocalDate
}
