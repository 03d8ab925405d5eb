import Foundation
import TelemedCore
import TelemedSolver

/// What a planner could change so that an unassigned request fits, by blocking constraint: the
/// resources the constraint is about, with the figures a what-if would move (equipment, depot
/// distances, weekly hours, rooms, opening hours).
struct UnassignedAdvice {
    let scenario: Scenario
    let plan: Plan
    let travel: (any TravelModel)?

    func render(_ unassigned: UnassignedRequest, request: ConsultationRequest) -> String {
        guard let site = scenario.sites.first(where: { $0.id == request.siteId }) else {
            return "  the request's site \(request.siteId) is not in the scenario: fix the scenario first"
        }
        switch unassigned.constraint {
        case .specialtyMatch:
            return "  no specialist practises \(request.specialty): add one, or add the specialty to a specialist\n"
                + specialists(for: request)
        case .specialistAvailable, .specialistNoOverlap, .specialistDailyMax:
            let lever =
                unassigned.constraint == .specialistDailyMax
                ? "raise their maximum sessions per day" : "add weekly hours"
            return "  \(lever) for one of the specialists practising \(request.specialty), or add a specialist\n"
                + specialists(for: request)
        case .equipmentAvailable, .unitPresent, .unitRouteFeasible:
            return units(for: request, at: site)
        case .siteOpen, .roomFree:
            return "  extend the opening hours of \(site.id) or add a room\n"
                + TextTable.fields(
                    [
                        ("opening hours", "\(hours(site.openingHours)) a week"),
                        ("rooms", "\(site.rooms)"),
                        ("request window", "\(request.firstPossibleDate) to \(scenario.horizon.end) (horizon end)"),
                        ("closed dates", RequestExplanation.list(site.closedDates.map(\.description))),
                    ], indent: "    ")
        case .nursePresent:
            return "  add nurse hours at \(site.id), or bring a unit (its crew accompanies live consultations)\n"
                + TextTable.fields(
                    [
                        ("nurse hours", "\(hours(site.nurseHours)) a week"),
                        ("opening hours", "\(hours(site.openingHours)) a week"),
                    ], indent: "    ")
        case .withinHorizon:
            return "  the request can only start on \(request.firstPossibleDate); the horizon ends on "
                + "\(scenario.horizon.end): plan it in the next horizon"
        case .seriesSpacing:
            let spacing = request.series.map { "\($0.minGapDays)–\($0.maxGapDays) days" } ?? "its spacing"
            return "  an occurrence of a care series follows the one before it by \(spacing): serve that one first, "
                + "widen maxGapDays, or give the specialists time in the window"
        case .patientNoOverlap:
            let others = scenario.requests.filter { $0.patientRef == request.patientRef && $0.id != request.id }
            return "  the same patient has other requests: \(RequestExplanation.list(others.map(\.id.rawValue))); "
                + "free one of their times"
        default:
            return "  no specific advice for \(unassigned.constraint.rawValue); run `telemed check` on the plan"
        }
    }

    /// The specialists practising the request's specialty: weekly hours, daily maximum, and what
    /// this plan already gives them.
    private func specialists(for request: ConsultationRequest) -> String {
        let practising = scenario.specialists.filter { $0.specialties.contains(request.specialty) }
        guard !practising.isEmpty else { return "    (none in the scenario)" }
        let booked = Dictionary(
            grouping: plan.bookings.filter { $0.status.occupiesResources }, by: \.specialistId
        ).mapValues(\.count)
        var table = TextTable(
            ["specialist", "name", "weekly h", "days", "max/day", "booked", "exceptions"], leftAligned: [0, 1, 3])
        for specialist in practising.sorted(by: { $0.id < $1.id }) {
            let days = Weekday.allCases.filter { day in specialist.weeklyAvailability.contains { $0.day == day } }
            table.add([
                specialist.id.rawValue + (specialist.id == request.preferredSpecialistId ? " (preferred)" : ""),
                specialist.name, hours(specialist.weeklyAvailability),
                days.map { String($0.rawValue.prefix(3)) }.joined(separator: " "),
                "\(specialist.maxSessionsPerDay)", "\(booked[specialist.id] ?? 0)", "\(specialist.exceptions.count)",
            ])
        }
        return table.render(indent: "    ")
    }

    /// The units that carry what the site lacks, and how far their depots are from it.
    private func units(for request: ConsultationRequest, at site: Site) -> String {
        let missing = request.requiredEquipment.filter { !site.equipment.contains($0) }
        let carrying = scenario.units.filter { unit in missing.allSatisfy(unit.equipment.contains) }
            .sorted { $0.id < $1.id }
        var lines: [String] = []
        if missing.isEmpty {
            lines.append(
                "  \(site.id) has the equipment; a unit could still host the consultation if its route had room")
        } else {
            lines.append(
                "  \(site.id) lacks \(RequestExplanation.list(missing.map(\.rawValue))): equip the site, or let a unit "
                    + "that carries it reach the site (depot closer, more driving time, more unit days)")
        }
        guard !carrying.isEmpty else {
            lines.append("    no unit carries \(RequestExplanation.list(missing.map(\.rawValue)))")
            return lines.joined(separator: "\n")
        }
        var table = TextTable(
            [
                "unit", "depot", "km to site", "min to site", "round trip min", "max driving/day", "days",
                "capacity/day",
            ],
            leftAligned: [0, 1, 6])
        for unit in carrying {
            let leg = leg(from: unit, to: site)
            table.add([
                unit.id.rawValue, unit.depot.name, leg.map { LocalFormat.decimal($0.kilometres) } ?? "?",
                leg.map { LocalFormat.decimal($0.minutes) } ?? "?",
                leg.map { LocalFormat.decimal(2 * $0.minutes) } ?? "?",
                "\(unit.maxDrivingMinutesPerDay)",
                unit.operatingDays.map { String($0.rawValue.prefix(3)) }.joined(separator: " "),
                unit.capacityPerDay.map(String.init) ?? "–",
            ])
        }
        lines.append(table.render(indent: "    "))
        return lines.joined(separator: "\n")
    }

    private func leg(from unit: MobileUnit, to site: Site) -> TravelLeg? {
        let depot = TravelPoint(id: "depot:\(unit.id.rawValue)", location: unit.depot.location)
        return try? travel?.leg(from: depot, to: TravelPoint(id: site.id.rawValue, location: site.location))
    }

    /// `12.5 h` from weekly windows.
    private func hours(_ windows: [WeeklyWindow]) -> String {
        LocalFormat.decimal(Double(windows.reduce(0) { $0 + max(0, $1.minutes) }) / 60) + " h"
    }
}
