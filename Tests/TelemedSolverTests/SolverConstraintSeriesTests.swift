import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// `seriesSpacing`: the occurrences of a care series are booked in order, each between
/// `minGapDays` and `maxGapDays` local days after the one before it.
@Suite("Solver spaces the occurrences of a care series")
struct SolverConstraintSeriesTests {
    typealias B = SolverConstraintBuilder

    /// Occurrence `index` of series `S-R`, written by hand (no expansion: every occurrence may
    /// start on the release date, so only the rule keeps them apart).
    static func occurrence(
        _ index: Int, of count: Int, gaps: ClosedRange<Int>, earliest: String? = nil
    ) -> ConsultationRequest {
        var request = B.request("R-\(index)", at: "E-58-0001", patient: "P-series", earliest: earliest)
        request.series = CareSeries(
            id: "S-R", index: index, count: count, minGapDays: gaps.lowerBound, maxGapDays: gaps.upperBound)
        return request
    }

    static func gap(_ outcome: SolverConstraintOutcome, _ from: String, _ to: String) -> Int? {
        guard let first = outcome.day(from), let second = outcome.day(to) else { return nil }
        return B.date(first).days(to: B.date(second))
    }

    @Test("seriesSpacing: a six-session series every 11 to 17 days is planned with every gap in range")
    func sixSessions() throws {
        var bare = B.request("R-W", at: "E-58-0001", specialty: .woundCare)
        bare.series = CareSeries(count: 6, minGapDays: 11, maxGapDays: 17)
        let scenario = B.scenario(
            through: "2027-04-30", sites: [B.site("E-58-0001", in: .clamecy)],
            specialists: [B.specialist("SP-01", [.woundCare])], requests: bare.expandingSeries())
        let outcome = try B.solve(scenario)
        #expect(outcome.served == (1...6).map { "R-W-\($0)" })
        for index in 1..<6 {
            let gap = try #require(Self.gap(outcome, "R-W-\(index)", "R-W-\(index + 1)"))
            #expect((11...17).contains(gap), "R-W-\(index) → R-W-\(index + 1): \(gap) days")
        }
        #expect(outcome.report.agrees(with: outcome.plan.score))
    }

    @Test("seriesSpacing: occurrences that could all start on Monday are a week apart, not on the same day")
    func occurrencesReleasedTogetherAreSpaced() throws {
        // Early as possible would put all three on Monday 11 January: only the rule spaces them.
        let scenario = B.scenario(
            through: "2027-01-31", sites: [B.site("E-58-0001", in: .clamecy)], specialists: [B.specialist("SP-01")],
            requests: (1...3).map { Self.occurrence($0, of: 3, gaps: 7...10) })
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1", "R-2", "R-3"])
        #expect(outcome.day("R-1") == B.monday)
        #expect(outcome.day("R-2") == "2027-01-18")
        #expect(outcome.day("R-3") == "2027-01-25")
    }

    @Test("seriesSpacing: a done first occurrence anchors the second, three days later")
    func pinnedFirstOccurrenceAnchors() throws {
        let done = Booking(
            id: "B-1", requestId: "R-1", specialistId: "SP-01", siteId: "E-58-0001", start: B.at(B.monday, "09:00"),
            end: B.at(B.monday, "09:30"), host: .siteEquipment, status: .done)
        let scenario = B.scenario(
            through: B.friday, sites: [B.site("E-58-0001", in: .clamecy)], specialists: [B.specialist("SP-01")],
            requests: (1...2).map { Self.occurrence($0, of: 2, gaps: 3...4) }, bookings: [done])
        let outcome = try B.solve(scenario)
        #expect(outcome.booking("R-1") == done)
        #expect(outcome.day("R-2") == B.thursday)
    }

    @Test("seriesSpacing: a series whose spacing always lands on the specialist's days off is explained")
    func impossibleSeriesIsExplained() throws {
        // Mondays only, but the next session is due 2 to 4 days later (Wednesday to Friday).
        let scenario = B.scenario(
            through: "2027-01-24", sites: [B.site("E-58-0001", in: .clamecy)],
            specialists: [B.specialist("SP-01", available: B.windows([.monday], "09:00", "17:00"))],
            requests: (1...3).map { Self.occurrence($0, of: 3, gaps: 2...4) })
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.constraint("R-2") == "seriesSpacing")
        #expect(outcome.constraint("R-3") == "seriesSpacing")
        let reasons = Dictionary(
            uniqueKeysWithValues: outcome.plan.unassigned.map { ($0.requestId.rawValue, $0.reason) })
        #expect(reasons["R-2"]?.contains("widen maxGapDays") == true, "\(reasons["R-2"] ?? "")")
        #expect(reasons["R-3"]?.contains("waits for request R-2") == true, "\(reasons["R-3"] ?? "")")
    }

    @Test("seriesSpacing: occurrences after the horizon wait for the planning window to reach them")
    func occurrencesAfterTheHorizonWait() throws {
        var bare = B.request("R-W", at: "E-58-0001")
        bare.series = CareSeries(count: 3, minGapDays: 14, maxGapDays: 14)
        let scenario = B.scenario(
            through: "2027-01-24", sites: [B.site("E-58-0001", in: .clamecy)], specialists: [B.specialist("SP-01")],
            requests: bare.expandingSeries())
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-W-1"])
        for later in ["R-W-2", "R-W-3"] {
            #expect(outcome.constraint(later) == "seriesSpacing")
            let reason = outcome.plan.unassigned.first { $0.requestId.rawValue == later }?.reason ?? ""
            #expect(reason.contains("enters the planning window"), "\(reason)")
        }
    }

    @Test("continuity: the second occurrence keeps the first one's specialist when both could take it")
    func continuityAcrossTheSeries() throws {
        // SP-02 holds the only Monday slot; SP-01 is free earlier on Thursday than SP-02.
        let scenario = B.scenario(
            through: B.friday, sites: [B.site("E-58-0001", in: .clamecy)],
            specialists: [
                B.specialist("SP-01", available: B.windows([.thursday], "09:00", "17:00")),
                B.specialist(
                    "SP-02",
                    available: B.windows([.monday], "09:00", "09:30") + B.windows([.thursday], "14:00", "17:00")),
            ],
            requests: (1...2).map { Self.occurrence($0, of: 2, gaps: 3...3) })
        let outcome = try B.solve(scenario)
        #expect(outcome.booking("R-1")?.specialistId == "SP-02")
        #expect(outcome.booking("R-2")?.specialistId == "SP-02")
        #expect(outcome.report.softTerms.continuity == 0)
        #expect(outcome.report.agrees(with: outcome.plan.score))
    }
}

/// Series competing with single requests for a scarce specialist: the ruins and repairs take
/// occurrences out and back many times, and every plan must still pass the checker.
@Suite("Solver keeps care series valid under competition")
struct SolverSeriesCompetitionTests {
    typealias B = SolverConstraintBuilder

    static func scenario() -> Scenario {
        var requests: [ConsultationRequest] = []
        for series in 1...4 {
            var bare = B.request("S\(series)", at: series % 2 == 0 ? "E-58-0001" : "T-58-0002", .soon)
            bare.series = CareSeries(count: 4, minGapDays: 5, maxGapDays: 9)
            requests += bare.expandingSeries()
        }
        requests += (1...12).map { B.request("R-\($0)", at: $0 % 2 == 0 ? "E-58-0001" : "T-58-0002", .urgent) }
        return B.scenario(
            through: "2027-02-19", sites: [B.site("E-58-0001", in: .clamecy), B.site("T-58-0002", in: .lormes)],
            specialists: [
                B.specialist("SP-01", available: B.windows([.monday, .wednesday], "09:00", "11:00"), maxPerDay: 1),
                B.specialist("SP-02", available: B.windows([.tuesday, .friday], "14:00", "16:00"), maxPerDay: 1),
            ],
            requests: requests)
    }

    @Test("every plan of a contested scenario with four series passes the checker, with the same plan per seed")
    func contestedSeriesStayValid() throws {
        let scenario = Self.scenario()
        let outcome = try B.solve(scenario)
        // One session a day on four days a week: 24 slots for 28 requests.
        #expect(!outcome.plan.unassigned.isEmpty)
        #expect(outcome.report.agrees(with: outcome.plan.score))
        let again = try Solver(scenario: scenario).solve(SolverOptions(seed: 7, iterations: 200)).plan
        #expect(again == outcome.plan)
        for seed in [UInt64(1), 2, 3] {
            let plan = try Solver(scenario: scenario).solve(SolverOptions(seed: seed, iterations: 300)).plan
            let report = try PlanChecker(scenario: scenario).check(plan)
            #expect(report.isValid, "seed \(seed): \(report.violations.map(\.description))")
            #expect(report.agrees(with: plan.score), "seed \(seed)")
        }
    }
}
