import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// `withinHorizon` (first possible date, horizon end, async review delay) and `patientNoOverlap`:
/// in each scenario, breaking the rule would let the solver serve more requests or serve them
/// earlier.
@Suite("Solver keeps the request constraints")
struct SolverConstraintRequestTests {
    typealias B = SolverConstraintBuilder

    /// What the solver may name when an `async` review cannot fit its delay or the horizon.
    static let reviewReasons: Set<String> = [
        ConstraintName.withinHorizon.rawValue, ConstraintName.specialistAvailable.rawValue,
    ]

    @Test("withinHorizon: nothing starts before the earliest date or the release date, though Monday is free")
    func firstPossibleDate() throws {
        // Open Monday and Wednesday only: a request that may not start Monday must go to Wednesday.
        let open = B.windows([.monday, .wednesday], "09:00", "17:00")
        let scenario = B.scenario(
            through: B.friday, sites: [B.site("E-58-0001", in: .clamecy, open: open, rooms: 3)],
            specialists: [B.specialist("SP-01")],
            requests: [
                B.request("R-1", at: "E-58-0001", .routine, released: B.monday, earliest: B.tuesday),
                B.request("R-2", at: "E-58-0001", .urgent, released: B.tuesday),
                B.request("R-3", at: "E-58-0001", .routine, released: B.monday),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1", "R-2", "R-3"])
        #expect(outcome.day("R-1") == B.wednesday)
        #expect(outcome.day("R-2") == B.wednesday)
        #expect(outcome.day("R-3") == B.monday)
    }

    @Test(
        "withinHorizon: a review may not run past midnight after the horizon's last day",
        arguments: [(30, [String]()), (45, ["R-1"])])
    func horizonEnd(minutes: Int, unassigned: [String]) throws {
        // One-day horizon; the dermatologist's only time is an extra slot Monday 23:30 – Tuesday 01:30.
        let extra = AvailabilityException(
            kind: .available, start: B.at(B.monday, "23:30"), end: B.at(B.tuesday, "01:30"))
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .clamecy)],
            specialists: [
                B.specialist("SP-01", available: B.windows([.saturday], "09:00", "10:00"), exceptions: [extra])
            ],
            requests: [B.request("R-1", at: "E-58-0001", .urgent, mode: .async, minutes: minutes)])
        let outcome = try B.solve(scenario)
        #expect(outcome.unassigned == unassigned)
        if unassigned.isEmpty {
            let review = try #require(outcome.booking("R-1")?.review)
            #expect(review.start == B.at(B.monday, "23:30"))
            #expect(review.end == B.at(B.tuesday, "00:00"))
        } else {
            #expect(Self.reviewReasons.contains(outcome.constraint("R-1") ?? ""))
        }
    }

    @Test(
        "withinHorizon: an async review must come within asyncReviewDays of the capture",
        arguments: [(3, [String]()), (2, ["R-1"])])
    func reviewDelay(days: Int, unassigned: [String]) throws {
        // Captures only on Monday; the only reviewer works Thursday 14:00–17:00.
        let scenario = B.scenario(
            through: B.friday, sites: [B.site("E-58-0001", in: .clamecy, open: B.windows([.monday], "09:00", "17:00"))],
            specialists: [B.specialist("SP-01", available: B.windows([.thursday], "14:00", "17:00"))],
            requests: [B.request("R-1", at: "E-58-0001", .urgent, mode: .async)], asyncReviewDays: days)
        let outcome = try B.solve(scenario)
        #expect(outcome.unassigned == unassigned)
        if let booking = outcome.booking("R-1"), let review = booking.review {
            #expect(outcome.day("R-1") == B.monday)
            #expect(B.clock.localDate(of: review.start).description == B.thursday)
            #expect(review.end <= booking.end.addingTimeInterval(TimeInterval(days * 86_400)))
        } else {
            #expect(Self.reviewReasons.contains(outcome.constraint("R-1") ?? ""))
        }
    }

    @Test("withinHorizon: an async review never comes before its capture, even when the specialist is free then")
    func reviewAfterCapture() throws {
        // The site opens 10:00–11:00; the dermatologist is free only 09:00–10:00, before any capture.
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .clamecy, open: B.windows([.monday], "10:00", "11:00"))],
            specialists: [B.specialist("SP-01", available: B.windows([.monday], "09:00", "10:00"))],
            requests: [B.request("R-1", at: "E-58-0001", .urgent, mode: .async)])
        let outcome = try B.solve(scenario)
        #expect(outcome.served.isEmpty)
        #expect(outcome.unassigned == ["R-1"])
        #expect(Self.reviewReasons.contains(outcome.constraint("R-1") ?? ""))
    }

    @Test(
        "patientNoOverlap: one patient cannot see two specialists at 09:00; two patients can",
        arguments: [(true, ["R-2"]), (false, [String]())])
    func patientNoOverlap(samePatient: Bool, unassigned: [String]) throws {
        let only0900 = B.windows([.monday], "09:00", "09:30")
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .clamecy, rooms: 2)],
            specialists: [
                B.specialist("SP-01", [.cardiology], available: only0900),
                B.specialist("SP-02", [.dermatology], available: only0900),
            ],
            requests: [
                B.request("R-1", at: "E-58-0001", .urgent, patient: "P-A", specialty: .cardiology),
                B.request("R-2", at: "E-58-0001", .routine, patient: samePatient ? "P-A" : "P-B"),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.unassigned == unassigned)
        #expect(outcome.startTime("R-1") == "09:00")
        for request in unassigned {
            #expect(outcome.constraint(request) == ConstraintName.patientNoOverlap.rawValue)
        }
    }
}
