import Foundation
import TelemedCore
import TelemedSolver

/// The text of `telemed explain`: a request, then its booking and unit route, or why it is
/// unassigned and what could change that (`UnassignedAdvice`). Patients appear only by their
/// pseudonymous reference.
struct RequestExplanation {
    let scenario: Scenario
    let plan: Plan
    /// Depot distances for the advice; nil when the scenario's travel model cannot be built.
    let travel: (any TravelModel)?

    func render(_ request: ConsultationRequest) -> String {
        var sections = [describe(request)]
        if let booking = plan.bookings.servingByRequest[request.id] {
            sections.append(describe(booking, of: request))
            if case .unitVisit(let unitId) = booking.host {
                sections.append(route(of: unitId, on: LocalFormat.clock.localDate(of: booking.start), showing: booking))
            }
        } else if let unassigned = plan.unassigned.first(where: { $0.requestId == request.id }) {
            sections.append(
                "Unassigned: \(unassigned.constraint)\n" + TextTable.fields([("reason", unassigned.reason)]))
            let advice = UnassignedAdvice(scenario: scenario, plan: plan, travel: travel)
            sections.append("What a planner could change:\n" + advice.render(unassigned, request: request))
        } else {
            sections.append(
                "Not in the plan: neither booked nor listed as unassigned (is it the plan of this scenario?)")
        }
        return sections.joined(separator: "\n\n")
    }

    private func describe(_ request: ConsultationRequest) -> String {
        let site = scenario.sites.first { $0.id == request.siteId }
        let place = site.map { "\($0.id)  \($0.name), \($0.commune) (department \($0.departmentCode))" }
        let review =
            request.mode == .async ? ": captured at the site, reviewed within \(scenario.asyncReviewDays) days" : ""
        let due = request.dueDate(delays: scenario.urgencyDelays)
        return "Request \(request.id)\n"
            + TextTable.fields([
                ("patient", request.patientRef),
                ("site", place ?? "\(request.siteId) (unknown site)"),
                ("specialty", request.specialty.rawValue),
                ("mode", request.mode.rawValue + review),
                ("duration", "\(request.durationMinutes) min"),
                ("equipment", Self.list(request.requiredEquipment.map(\.rawValue))),
                ("urgency", request.urgency.rawValue),
                ("released", LocalFormat.day(request.releaseDate)),
                ("first possible", LocalFormat.day(request.firstPossibleDate)),
                ("due", LocalFormat.day(due)),
                ("preferred", request.preferredSpecialistId.map(specialistName) ?? "none"),
            ])
    }

    private func describe(_ booking: Booking, of request: ConsultationRequest) -> String {
        let due = request.dueDate(delays: scenario.urgencyDelays)
        let startDate = LocalFormat.clock.localDate(of: booking.start)
        let late = due.days(to: startDate)
        var continuity = ""
        if let preferred = request.preferredSpecialistId {
            continuity = preferred == booking.specialistId ? " (the preferred specialist)" : " (not the preferred one)"
        }
        var fields = [
            ("specialist", booking.specialistId.map { specialistName($0) + continuity } ?? "none (the unit's crew)"),
            (
                request.mode == .async ? "data capture" : request.mode == .crew ? "crew work" : "consultation",
                LocalFormat.span(booking.interval) + " Europe/Paris"
            ),
        ]
        if let review = booking.review { fields.append(("review", LocalFormat.span(review) + " Europe/Paris")) }
        fields += [
            ("host", host(booking.host)),
            ("room", room(booking)),
            ("wait", "\(request.releaseDate.days(to: startDate)) days after release"),
            ("due", late > 0 ? "\(due): \(late) day(s) late" : "\(due): on time"),
        ]
        return "Booked: \(booking.id) (\(booking.status.rawValue), version \(booking.version))\n"
            + TextTable.fields(fields)
    }

    /// The unit's day: depot, stops with their times and consultations, lunch, return.
    private func route(of unitId: MobileUnit.ID, on date: LocalDate, showing booking: Booking) -> String {
        let unit = scenario.units.first { $0.id == unitId }
        let title = "Route of \(unitId)\(unit.map { " " + $0.name } ?? "") on \(LocalFormat.day(date))"
        let visits = plan.visits.filter { $0.unitId == unitId && $0.date == date }.sorted { $0.order < $1.order }
        let day = plan.unitDays.first { $0.unitId == unitId && $0.date == date }
        let hosted = plan.bookings.filter { $0.status.occupiesResources && $0.host == .unitVisit(unitId) }
        var table = TextTable(
            ["stop", "site", "name", "arrival", "departure", "consultations", ""], leftAligned: [0, 1, 2, 6])
        let depot = unit?.depot.name ?? "depot"
        table.add(["depot", "", depot, "", day.map { LocalFormat.time($0.leavesDepot) } ?? ""])
        for visit in visits {
            let here = hosted.filter {
                $0.siteId == visit.siteId && visit.arrival <= $0.start && $0.end <= visit.departure
            }
            let mark = here.contains { $0.id == booking.id } ? "◀ this request" : ""
            let name = scenario.sites.first { $0.id == visit.siteId }?.name ?? ""
            table.add([
                "\(visit.order)\(visit.pinned ? " (pinned)" : "")", visit.siteId.rawValue, name,
                LocalFormat.time(visit.arrival), LocalFormat.time(visit.departure), "\(here.count)", mark,
            ])
        }
        table.add(["depot", "", depot, day.map { LocalFormat.time($0.returnsDepot) } ?? "", ""])
        var lines = [title, table.render(indent: "  ")]
        if let day {
            let lunch = day.lunch.map { "; lunch \(LocalFormat.time($0.start))–\(LocalFormat.time($0.end))" } ?? ""
            lines.append(
                "  \(LocalFormat.decimal(day.kilometres)) km, \(LocalFormat.hoursAndMinutes(day.drivingMinutes)) "
                    + "driving\(lunch)")
        }
        return lines.joined(separator: "\n")
    }

    private func room(_ booking: Booking) -> String {
        if booking.host != .siteEquipment { return "the unit's own station" }
        let rooms = scenario.sites.first { $0.id == booking.siteId }?.rooms ?? 1
        if let room = booking.room { return "\(room) of \(rooms)" }
        return rooms == 1 ? "the site's only room" : "one of \(rooms) (not numbered in the plan)"
    }

    private func host(_ host: BookingHost) -> String {
        switch host {
        case .siteEquipment: "the site's own equipment"
        case .unitVisit(let unitId):
            "unit visit of \(unitId)" + (scenario.units.first { $0.id == unitId }.map { " \($0.name)" } ?? "")
        }
    }

    func specialistName(_ id: Specialist.ID) -> String {
        "\(id)" + (scenario.specialists.first { $0.id == id }.map { " \($0.name)" } ?? " (unknown specialist)")
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
}
