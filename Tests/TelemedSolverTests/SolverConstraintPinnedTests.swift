import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// `pinnedUnchanged`: confirmed and done bookings, and the recurring stops of unit days, stay as
/// they are even when moving them would let the solver serve more.
@Suite("Solver keeps pinned bookings and recurring stops")
struct SolverConstraintPinnedTests {
    typealias B = SolverConstraintBuilder

    static func booking(_ status: BookingStatus) -> Booking {
        Booking(
            id: "B-0001", requestId: "R-1", specialistId: "SP-01", siteId: "E-58-0001",
            start: B.at(B.monday, "09:00"), end: B.at(B.monday, "09:30"), host: .siteEquipment, status: status,
            version: 3)
    }

    @Test(
        "pinnedUnchanged: a confirmed or done routine booking keeps the only slot an urgent request wants",
        arguments: [BookingStatus.confirmed, .done])
    func pinnedBookingStays(status: BookingStatus) throws {
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .clamecy)],
            specialists: [B.specialist("SP-01", available: B.windows([.monday], "09:00", "09:30"))],
            requests: [B.request("R-1", at: "E-58-0001", .routine), B.request("R-2", at: "E-58-0001", .urgent)],
            bookings: [Self.booking(status)])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.booking("R-1") == Self.booking(status))
        #expect(outcome.unassigned == ["R-2"])
        // The pinned booking holds the specialist's only slot: that is the blocking rule.
        let blocking: Set<String> = [
            ConstraintName.specialistNoOverlap.rawValue, ConstraintName.pinnedUnchanged.rawValue,
        ]
        #expect(blocking.contains(outcome.constraint("R-2") ?? ""))
    }

    @Test("pinnedUnchanged: a proposed booking is not pinned, so the urgent request takes its slot")
    func proposedBookingMayMove() throws {
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .clamecy)],
            specialists: [B.specialist("SP-01", available: B.windows([.monday], "09:00", "09:30"))],
            requests: [B.request("R-1", at: "E-58-0001", .routine), B.request("R-2", at: "E-58-0001", .urgent)],
            bookings: [Self.booking(.proposed)])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-2"])
        #expect(outcome.unassigned == ["R-1"])
    }

    @Test(
        "pinnedUnchanged: a recurring Monday stop in Saulieu keeps the unit from Lormes on Monday morning",
        arguments: [(true, B.tuesday), (false, B.monday)])
    func recurringStop(pinned: Bool, expected: String) throws {
        // The cardiologist is free Monday 09:00–12:00 and Tuesday 10:00–11:00; Lormes lacks an ECG.
        let stop = RecurringStop(
            day: .monday, siteId: "T-21-0001", arrival: B.time("09:00"), departure: B.time("12:30"))
        let slots = B.windows([.monday], "09:00", "12:00") + B.windows([.tuesday], "10:00", "11:00")
        let scenario = B.scenario(
            through: B.tuesday,
            sites: [B.site("E-58-0001", in: .lormes), B.site("T-21-0001", in: .saulieu)],
            specialists: [B.specialist("SP-01", [.cardiology], available: slots)],
            units: [B.unit(stops: pinned ? [stop] : [])],
            requests: [B.request("R-1", at: "E-58-0001", .urgent, specialty: .cardiology, needs: [.ecg])])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.host("R-1") == .unitVisit("U-01"))
        #expect(outcome.day("R-1") == expected)
        let mondayStops = outcome.plan.visits.filter { $0.date.description == B.monday && $0.pinned }
        if pinned {
            #expect(mondayStops.count == 1)
            #expect(mondayStops.first?.siteId == "T-21-0001")
            #expect(mondayStops.first?.arrival == B.at(B.monday, "09:00"))
            #expect(mondayStops.first?.departure == B.at(B.monday, "12:30"))
        } else {
            #expect(mondayStops.isEmpty)
        }
    }

    @Test("pinnedUnchanged: a request at the recurring stop's site is hosted inside the stop's times")
    func recurringStopIsFilled() throws {
        let stop = RecurringStop(
            day: .monday, siteId: "T-21-0001", arrival: B.time("09:00"), departure: B.time("12:30"))
        let scenario = B.scenario(
            sites: [B.site("T-21-0001", in: .saulieu)],
            specialists: [B.specialist("SP-01", [.cardiology])],
            units: [B.unit(setup: 15, stops: [stop])],
            requests: [B.request("R-1", at: "T-21-0001", .urgent, specialty: .cardiology, needs: [.ecg])])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.host("R-1") == .unitVisit("U-01"))
        #expect((outcome.startTime("R-1") ?? "") >= "09:15")
        #expect((outcome.endTime("R-1") ?? "99:99") <= "12:30")
        #expect(outcome.plan.visits.count == 1)
        #expect(outcome.plan.visits.first?.pinned == true)
    }
}
