import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// The checker's `seriesSpacing` and the continuity term across a care series, on hand-made plans.
@Suite("Plan checker: care series")
struct PlanCheckerSeriesTests {
    typealias B = SolverConstraintBuilder

    /// Three weekly occurrences (7 to 10 days apart) at one site, January 2027.
    static let scenario = B.scenario(
        through: "2027-01-31", sites: [B.site("E-58-0001", in: .clamecy)],
        specialists: [B.specialist("SP-01"), B.specialist("SP-02")],
        requests: (1...3).map { SolverConstraintSeriesTests.occurrence($0, of: 3, gaps: 7...10) })

    static func booking(_ index: Int, on day: String, specialist: String = "SP-01") -> Booking {
        Booking(
            id: Booking.ID("B-\(index)"), requestId: ConsultationRequest.ID("R-\(index)"),
            specialistId: Specialist.ID(specialist), siteId: "E-58-0001", start: B.at(day, "10:00"),
            end: B.at(day, "10:30"), host: .siteEquipment, status: .proposed)
    }

    static func check(_ bookings: [Booking]) throws -> PlanCheckReport {
        let booked = Set(bookings.map(\.requestId))
        let unassigned = scenario.requests.filter { !booked.contains($0.id) }.map {
            UnassignedRequest(requestId: $0.id, constraint: .seriesSpacing, reason: "test")
        }
        let plan = Plan(
            bookings: bookings, visits: [], unassigned: unassigned, score: PlanScore(hard: 0, served: 0, soft: 0))
        return try PlanChecker(scenario: scenario).check(plan)
    }

    @Test("a series spaced 7 and 8 days is valid")
    func validSpacing() throws {
        let report = try Self.check([
            Self.booking(1, on: B.monday), Self.booking(2, on: "2027-01-18"), Self.booking(3, on: "2027-01-26"),
        ])
        #expect(report.violations.isEmpty, "\(report.violations)")
    }

    @Test("seriesSpacing: an occurrence 4 days after the previous one is too close")
    func gapTooShort() throws {
        let report = try Self.check([Self.booking(1, on: B.monday), Self.booking(2, on: B.friday)])
        let violations = report.violations(of: .seriesSpacing)
        #expect(violations.count == 1)
        #expect(violations.first?.bookingId == "B-2")
        #expect(violations.first?.message.contains("is 4 days after booking B-1") == true)
        #expect(violations.first?.message.contains("asks 7–10 days (2027-01-18 to 2027-01-21)") == true)
    }

    @Test("seriesSpacing: an occurrence 15 days after the previous one is too far")
    func gapTooLong() throws {
        let report = try Self.check([Self.booking(1, on: B.monday), Self.booking(2, on: "2027-01-26")])
        #expect(report.violations(of: .seriesSpacing).map(\.bookingId) == ["B-2"])
        #expect(report.violations.first?.message.contains("is 15 days after") == true)
    }

    @Test("seriesSpacing: a booked occurrence whose predecessor is not booked is flagged")
    func predecessorUnbooked() throws {
        let report = try Self.check([Self.booking(1, on: B.monday), Self.booking(3, on: "2027-01-18")])
        let violations = report.violations(of: .seriesSpacing)
        #expect(violations.map(\.bookingId) == ["B-3"])
        #expect(violations.first?.message.contains("request R-2, the occurrence before it, is not booked") == true)
    }

    @Test("continuity: each occurrence with another specialist than the previous one's costs continuityBroken")
    func continuityAcrossTheSeries() throws {
        let report = try Self.check([
            Self.booking(1, on: B.monday), Self.booking(2, on: "2027-01-18", specialist: "SP-02"),
            Self.booking(3, on: "2027-01-26", specialist: "SP-02"),
        ])
        #expect(report.violations.isEmpty)
        #expect(report.softTerms.continuity == Self.scenario.weights.continuityBroken)
    }
}
