import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// `unitPresent` and `unitRouteFeasible`, one part at a time: shift window, travel from the depot
/// and between stops, set-up, lunch break, return to the depot, maximum driving, capacity, unit
/// days. Every request needs an ECG that only the unit (depot Château-Chinon unless said) carries,
/// so each consultation is a unit visit; the second argument of each case is the sensitivity
/// check: with the rule relaxed by the scenario itself, the earlier day or the extra request wins.
@Suite("Solver keeps unit routes feasible")
struct SolverConstraintRouteTests {
    typealias B = SolverConstraintBuilder

    static func ecgRequest(
        _ id: String, at site: String, _ urgency: Urgency = .urgent, specialty: Specialty = .cardiology
    ) -> ConsultationRequest {
        B.request(id, at: site, urgency, specialty: specialty, needs: [.ecg])
    }

    static func cardiologist(_ slots: [WeeklyWindow]) -> Specialist {
        B.specialist("SP-01", [.cardiology], available: slots)
    }

    /// One ECG request, Monday–Tuesday horizon; returns the booking's day.
    static func dayServed(site: Site, specialist: Specialist, unit: MobileUnit) throws -> String? {
        let scenario = B.scenario(
            through: B.tuesday, sites: [site], specialists: [specialist], units: [unit],
            requests: [ecgRequest("R-1", at: site.id.rawValue)])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.host("R-1") == .unitVisit("U-01"))
        return outcome.day("R-1")
    }

    @Test(
        "shift window: a specialist free only before 08:30 and after 17:30 on Monday waits for Tuesday",
        arguments: [("08:00", B.tuesday), ("06:00", B.monday)])
    func shiftWindow(shiftStart: String, expected: String) throws {
        // Moulins-Engilbert is 24 min from the depot; + 15 min set-up: 08:39 at the earliest.
        let open = B.windows([.monday, .tuesday], "06:00", "20:00")
        let slots =
            B.windows([.monday], "06:00", "08:30") + B.windows([.monday], "17:30", "20:00")
            + B.windows([.tuesday], "10:00", "11:00")
        let day = try Self.dayServed(
            site: B.site("E-58-0001", in: .moulinsEngilbert, open: open), specialist: Self.cardiologist(slots),
            unit: B.unit(shift: (shiftStart, "17:30")))
        #expect(day == expected)
    }

    @Test(
        "travel from the depot: Nevers to Lormes (75 min) cannot make a 08:30–09:30 slot; Château-Chinon can",
        arguments: [(SolverConstraintCommune.nevers, B.tuesday), (.chateauChinon, B.monday)])
    func travelFromDepot(depot: SolverConstraintCommune, expected: String) throws {
        let slots = B.windows([.monday], "08:30", "09:30") + B.windows([.tuesday], "10:00", "11:00")
        let day = try Self.dayServed(
            site: B.site("E-58-0001", in: .lormes), specialist: Self.cardiologist(slots), unit: B.unit(depot: depot))
        #expect(day == expected)
    }

    @Test(
        "travel between stops: Lormes at 10:00 then Luzy (72 min away) at 11:00 is one stop too many",
        arguments: [("11:00", ["R-2"]), ("12:30", [String]())])
    func travelBetweenStops(secondSlot: String, unassigned: [String]) throws {
        let end = B.time(secondSlot).minutesSinceMidnight + 30
        let secondEnd = "\(end / 60):\(end % 60 < 10 ? "0" : "")\(end % 60)"
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .lormes), B.site("E-58-0002", in: .luzy)],
            specialists: [
                B.specialist("SP-01", [.cardiology], available: B.windows([.monday], "10:00", "10:30")),
                B.specialist("SP-02", [.woundCare], available: B.windows([.monday], secondSlot, secondEnd)),
            ],
            units: [B.unit()],
            requests: [
                Self.ecgRequest("R-1", at: "E-58-0001"),
                Self.ecgRequest("R-2", at: "E-58-0002", .routine, specialty: .woundCare),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.unassigned == unassigned)
        #expect(outcome.host("R-1") == .unitVisit("U-01"))
        #expect(outcome.startTime("R-1") == "10:00")
        if !unassigned.isEmpty {
            #expect(outcome.constraint("R-2") == ConstraintName.unitRouteFeasible.rawValue)
        } else {
            #expect(outcome.plan.visits.map(\.siteId.rawValue) == ["E-58-0001", "E-58-0002"])
        }
    }

    @Test(
        "set-up: 30 minutes of set-up at a site next to the depot miss a 08:00–08:45 slot; 10 minutes do not",
        arguments: [(30, B.tuesday), (10, B.monday)])
    func setup(minutes: Int, expected: String) throws {
        let open = B.windows([.monday, .tuesday], "07:00", "18:00")
        let slots = B.windows([.monday], "08:00", "08:45") + B.windows([.tuesday], "10:00", "11:00")
        let day = try Self.dayServed(
            site: B.site("E-58-0001", in: .chateauChinon, open: open), specialist: Self.cardiologist(slots),
            unit: B.unit(setup: minutes))
        #expect(day == expected)
    }

    @Test(
        "lunch break: a 60-minute lunch in 12:00–13:00 leaves no room for a consultation in that hour",
        arguments: [(60, B.tuesday), (30, B.monday), (0, B.monday)])
    func lunchBreak(minutes: Int, expected: String) throws {
        let lunch =
            minutes == 0
            ? nil : LunchBreak(earliestStart: B.time("12:00"), latestEnd: B.time("13:00"), minutes: minutes)
        let slots = B.windows([.monday], "12:00", "13:00") + B.windows([.tuesday], "14:00", "15:00")
        let day = try Self.dayServed(
            site: B.site("E-58-0001", in: .chateauChinon), specialist: Self.cardiologist(slots),
            unit: B.unit(lunch: lunch))
        #expect(day == expected)
    }

    @Test(
        "return to depot: a 16:00 consultation in Lormes cannot get back to Nevers (75 min) by 17:30",
        arguments: [("17:30", B.tuesday), ("18:00", B.monday)])
    func returnToDepot(shiftEnd: String, expected: String) throws {
        let slots = B.windows([.monday], "16:00", "17:00") + B.windows([.tuesday], "10:00", "11:00")
        let day = try Self.dayServed(
            site: B.site("E-58-0001", in: .lormes), specialist: Self.cardiologist(slots),
            unit: B.unit(depot: .nevers, shift: ("08:00", shiftEnd)))
        #expect(day == expected)
    }

    @Test(
        "max driving: Lormes and Luzy in one day need 160 min of driving, more than a 120-minute limit",
        arguments: [(120, ["R-2"]), (240, [String]())])
    func maxDriving(limit: Int, unassigned: [String]) throws {
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .lormes), B.site("E-58-0002", in: .luzy)],
            specialists: [B.specialist("SP-01", [.cardiology]), B.specialist("SP-02", [.woundCare])],
            units: [B.unit(maxDriving: limit)],
            requests: [
                Self.ecgRequest("R-1", at: "E-58-0001"),
                Self.ecgRequest("R-2", at: "E-58-0002", .routine, specialty: .woundCare),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.unassigned == unassigned)
        #expect(outcome.host("R-1") == .unitVisit("U-01"))
        for request in unassigned {
            #expect(outcome.constraint(request) == ConstraintName.unitRouteFeasible.rawValue)
        }
        for day in outcome.plan.unitDays { #expect(day.drivingMinutes <= Double(limit)) }
    }

    @Test(
        "capacity: a unit limited to one consultation a day serves one of two requests at the same stop",
        arguments: [(1, ["R-2"]), (2, [String]())])
    func capacity(perDay: Int, unassigned: [String]) throws {
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .lormes)],
            specialists: [B.specialist("SP-01", [.cardiology]), B.specialist("SP-02", [.woundCare])],
            units: [B.unit(capacity: perDay)],
            requests: [
                Self.ecgRequest("R-1", at: "E-58-0001"),
                Self.ecgRequest("R-2", at: "E-58-0001", .routine, specialty: .woundCare),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.unassigned == unassigned)
        for request in unassigned {
            #expect(outcome.constraint(request) == ConstraintName.unitRouteFeasible.rawValue)
        }
    }

    @Test("unit days: a unit that does not run Mondays and is off on Tuesday first comes on Wednesday")
    func unitDays() throws {
        let scenario = B.scenario(
            through: B.friday, sites: [B.site("E-58-0001", in: .lormes)],
            specialists: [B.specialist("SP-01", [.cardiology])],
            units: [B.unit(days: [.tuesday, .wednesday, .thursday, .friday], unavailable: [B.tuesday])],
            requests: [Self.ecgRequest("R-1", at: "E-58-0001")])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.day("R-1") == B.wednesday)
        #expect(outcome.plan.unitDays.map(\.date.description) == [B.wednesday])
    }
}
