import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// `specialtyMatch`, `specialistAvailable`, `specialistNoOverlap`, `specialistDailyMax`: in each
/// scenario, breaking the rule would let the solver serve more requests or serve them earlier.
@Suite("Solver keeps the specialist constraints")
struct SolverConstraintSpecialistTests {
    typealias B = SolverConstraintBuilder

    @Test("specialtyMatch: a free dermatologist never takes a cardiology request the only cardiologist cannot fit")
    func specialtyMatch() throws {
        // Only one cardiology slot (Monday 09:00–09:30); a dermatologist is free all day.
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .clamecy, rooms: 2)],
            specialists: [
                B.specialist("SP-01", [.dermatology]),
                B.specialist("SP-02", [.cardiology], available: B.windows([.monday], "09:00", "09:30")),
            ],
            requests: [
                B.request("R-1", at: "E-58-0001", .urgent, specialty: .cardiology),
                B.request("R-2", at: "E-58-0001", .soon, specialty: .cardiology),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.booking("R-1")?.specialistId == "SP-02")
        #expect(outcome.startTime("R-1") == "09:00")
        #expect(outcome.unassigned == ["R-2"])
        #expect(outcome.constraint("R-2") == ConstraintName.specialistNoOverlap.rawValue)
    }

    @Test("specialistAvailable: time off removes the weekly slot and an extra slot is the only time left")
    func availabilityExceptions() throws {
        // Weekly Monday 09:00–12:00, all taken off by an exception; one extra slot Wednesday 10:00–11:00.
        let scenario = B.scenario(
            through: B.friday, sites: [B.site("E-58-0001", in: .clamecy)],
            specialists: [
                B.specialist(
                    "SP-01", available: B.windows([.monday], "09:00", "12:00"),
                    exceptions: [
                        B.exception(.unavailable, B.monday, "09:00", "12:00"),
                        B.exception(.available, B.wednesday, "10:00", "11:00"),
                    ])
            ],
            requests: [B.request("R-1", at: "E-58-0001", .urgent)])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.day("R-1") == B.wednesday)
        #expect((outcome.startTime("R-1") ?? "") >= "10:00")
        #expect((outcome.endTime("R-1") ?? "99:99") <= "11:00")
    }

    @Test("specialistAvailable: a specialist who works only when the site is closed cannot be booked")
    func neverAvailableWhileOpen() throws {
        // Available Saturdays only; the EHPAD is open Monday–Friday.
        let scenario = B.scenario(
            through: "2027-01-17", sites: [B.site("E-58-0001", in: .clamecy)],
            specialists: [B.specialist("SP-01", available: B.windows([.saturday], "09:00", "12:00"))],
            requests: [B.request("R-1", at: "E-58-0001", .urgent)])
        let outcome = try B.solve(scenario)
        #expect(outcome.served.isEmpty)
        #expect(outcome.unassigned == ["R-1"])
        #expect(outcome.constraint("R-1") == ConstraintName.specialistAvailable.rawValue)
    }

    @Test(
        "specialistNoOverlap: one specialist free 10:00–10:30 serves one of two 30-minute requests",
        arguments: [ConsultationMode.live, .async])
    func noOverlap(mode: ConsultationMode) throws {
        // Two rooms, so only the specialist is scarce (for async, the two reviews collide).
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .clamecy, rooms: 2)],
            specialists: [B.specialist("SP-01", available: B.windows([.monday], "10:00", "10:30"))],
            requests: [
                B.request("R-1", at: "E-58-0001", .urgent, mode: mode),
                B.request("R-2", at: "E-58-0001", .routine, mode: mode),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.unassigned == ["R-2"])
        #expect(outcome.constraint("R-2") == ConstraintName.specialistNoOverlap.rawValue)
        let busy = outcome.booking("R-1")?.specialistInterval.start
        #expect(busy == B.at(B.monday, "10:00"))
    }

    @Test("specialistDailyMax: at most one session a day spreads two requests over two days")
    func dailyMaxSpreadsDays() throws {
        let scenario = B.scenario(
            through: B.tuesday, sites: [B.site("E-58-0001", in: .clamecy, rooms: 2)],
            specialists: [B.specialist("SP-01", maxPerDay: 1)],
            requests: [
                B.request("R-1", at: "E-58-0001", .urgent),
                B.request("R-2", at: "E-58-0001", .urgent),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1", "R-2"])
        #expect(Set([outcome.day("R-1"), outcome.day("R-2")]) == [B.monday, B.tuesday])
    }

    @Test(
        "specialistDailyMax: a specialist free all day but limited to N sessions serves exactly N of three",
        arguments: [(2, ["R-3"]), (3, [String]())])
    func dailyMaxLimitsCount(limit: Int, unassigned: [String]) throws {
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .clamecy)],
            specialists: [B.specialist("SP-01", maxPerDay: limit)],
            requests: [
                B.request("R-1", at: "E-58-0001", .urgent),
                B.request("R-2", at: "E-58-0001", .soon),
                B.request("R-3", at: "E-58-0001", .routine),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served.count == 3 - unassigned.count)
        #expect(outcome.unassigned == unassigned)
        for request in unassigned {
            #expect(outcome.constraint(request) == ConstraintName.specialistDailyMax.rawValue)
        }
    }

    @Test("specialistDailyMax: async reviews count on the specialist's day, not the capture's")
    func dailyMaxCountsReviews() throws {
        // Captures are possible Monday only; the one dermatologist reviews Tuesday only, once a day.
        let scenario = B.scenario(
            through: B.tuesday,
            sites: [B.site("E-58-0001", in: .clamecy, open: B.windows([.monday], "09:00", "17:00"))],
            specialists: [
                B.specialist("SP-01", available: B.windows([.tuesday], "09:00", "17:00"), maxPerDay: 1)
            ],
            requests: [
                B.request("R-1", at: "E-58-0001", .urgent, mode: .async),
                B.request("R-2", at: "E-58-0001", .routine, mode: .async),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.day("R-1") == B.monday)
        #expect(outcome.booking("R-1")?.review.map { B.clock.localDate(of: $0.start).description } == B.tuesday)
        #expect(outcome.unassigned == ["R-2"])
        #expect(outcome.constraint("R-2") == ConstraintName.specialistDailyMax.rawValue)
    }
}
