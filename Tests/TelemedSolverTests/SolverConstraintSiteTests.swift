import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// `siteOpen`, `roomFree`, `nursePresent`, `equipmentAvailable`: in each scenario, breaking the
/// rule would let the solver serve more requests or serve them earlier.
@Suite("Solver keeps the site constraints")
struct SolverConstraintSiteTests {
    typealias B = SolverConstraintBuilder

    @Test(
        "siteOpen: a site open only Tuesday 14:00–15:00 gets its consultation or capture then, not on Monday",
        arguments: [ConsultationMode.live, .async])
    func openingHours(mode: ConsultationMode) throws {
        let scenario = B.scenario(
            through: B.friday,
            sites: [
                B.site("E-58-0001", in: .clamecy, open: B.windows([.tuesday], "14:00", "15:00"), nurse: B.weekdays())
            ],
            specialists: [B.specialist("SP-01")],
            requests: [B.request("R-1", at: "E-58-0001", .urgent, mode: mode)])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.day("R-1") == B.tuesday)
        #expect((outcome.startTime("R-1") ?? "") >= "14:00")
        #expect((outcome.endTime("R-1") ?? "99:99") <= "15:00")
    }

    @Test("siteOpen: closed dates push the consultation to the first open day; a site never open is reported")
    func closedDates() throws {
        let scenario = B.scenario(
            through: B.friday,
            sites: [
                B.site("E-58-0001", in: .clamecy, closed: [B.monday, B.tuesday]),
                B.site("E-58-0002", in: .lormes, open: B.windows([.saturday], "09:00", "12:00")),
            ],
            specialists: [B.specialist("SP-01")],
            requests: [B.request("R-1", at: "E-58-0001", .urgent), B.request("R-2", at: "E-58-0002", .urgent)])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.day("R-1") == B.wednesday)
        #expect(outcome.unassigned == ["R-2"])
        #expect(outcome.constraint("R-2") == ConstraintName.siteOpen.rawValue)
    }

    @Test(
        "roomFree: two specialists free at 09:00 but one room serves one request; two rooms serve both",
        arguments: [(1, ["R-1"]), (2, ["R-1", "R-2"])])
    func rooms(rooms: Int, served: [String]) throws {
        let only0900 = B.windows([.monday], "09:00", "09:30")
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .clamecy, rooms: rooms)],
            specialists: [B.specialist("SP-01", available: only0900), B.specialist("SP-02", available: only0900)],
            requests: [
                B.request("R-1", at: "E-58-0001", .urgent, preferred: "SP-01"),
                B.request("R-2", at: "E-58-0001", .routine, preferred: "SP-02"),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == served)
        if rooms == 1 {
            #expect(outcome.unassigned == ["R-2"])
            #expect(outcome.constraint("R-2") == ConstraintName.roomFree.rawValue)
        } else {
            #expect(Set(outcome.plan.bookings.compactMap(\.room)) == [1, 2])
        }
    }

    @Test("roomFree: a unit is one station, so it hosts one of two simultaneous ECG consultations")
    func unitIsOneStation() throws {
        // Lormes has no ECG; only the unit brings one. Two cardiologists, both free 10:00–10:30 only.
        let only1000 = B.windows([.monday], "10:00", "10:30")
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .lormes, rooms: 2)],
            specialists: [
                B.specialist("SP-01", [.cardiology], available: only1000),
                B.specialist("SP-02", [.cardiology], available: only1000),
            ],
            units: [B.unit()],
            requests: [
                B.request("R-1", at: "E-58-0001", .urgent, specialty: .cardiology, needs: [.ecg], preferred: "SP-01"),
                B.request("R-2", at: "E-58-0001", .routine, specialty: .cardiology, needs: [.ecg], preferred: "SP-02"),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.host("R-1") == .unitVisit("U-01"))
        #expect(outcome.unassigned == ["R-2"])
        // docs/constraints.md: "host unitVisit(u): the unit is a station of its own" is roomFree.
        #expect(outcome.constraint("R-2") == ConstraintName.roomFree.rawValue)
    }

    @Test("nursePresent: a live consultation waits for the nurse's afternoon; an async capture does not")
    func nurseHours() throws {
        let scenario = B.scenario(
            sites: [B.site("E-58-0001", in: .clamecy, nurse: B.windows([.monday], "14:00", "17:00"))],
            specialists: [B.specialist("SP-01"), B.specialist("SP-02")],
            requests: [
                B.request("R-1", at: "E-58-0001", .urgent, preferred: "SP-01"),
                B.request("R-2", at: "E-58-0001", .urgent, mode: .async, preferred: "SP-02"),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1", "R-2"])
        #expect((outcome.startTime("R-1") ?? "") >= "14:00")
        #expect((outcome.startTime("R-2") ?? "99:99") < "14:00")
    }

    @Test("nursePresent: a site without a nurse gets a live consultation only through a unit's crew")
    func unitCrewIsTheNurse() throws {
        // Both sites have the devices but no nurse; the unit (100 min driving) reaches Lormes, not Clamecy.
        let noNurse: [WeeklyWindow] = []
        let scenario = B.scenario(
            sites: [
                B.site("E-58-0001", in: .lormes, nurse: noNurse),
                B.site("E-58-0002", in: .clamecy, nurse: noNurse),
            ],
            specialists: [B.specialist("SP-01"), B.specialist("SP-02")],
            units: [B.unit(maxDriving: 100)],
            requests: [
                B.request("R-1", at: "E-58-0001", .urgent, preferred: "SP-01"),
                B.request("R-2", at: "E-58-0002", .urgent, preferred: "SP-02"),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.host("R-1") == .unitVisit("U-01"))
        #expect(outcome.unassigned == ["R-2"])
        #expect(outcome.constraint("R-2") == ConstraintName.nursePresent.rawValue)
    }

    @Test(
        "nursePresent is not blamed when a unit could bring its crew but no specialist is free while the site is open")
    func nurseNotTheBlocker() throws {
        // Saulieu has no nurse and opens Tuesday mornings; the unit reaches it; the cardiologist works afternoons.
        let scenario = B.scenario(
            through: B.friday,
            sites: [B.site("T-21-0001", in: .saulieu, open: B.windows([.tuesday], "09:00", "12:30"), nurse: [])],
            specialists: [B.specialist("SP-01", [.cardiology], available: B.weekdays("13:30", "17:00"))],
            units: [B.unit()],
            requests: [B.request("R-1", at: "T-21-0001", .urgent, specialty: .cardiology)])
        let outcome = try B.solve(scenario)
        #expect(outcome.unassigned == ["R-1"])
        #expect(outcome.constraint("R-1") == ConstraintName.specialistAvailable.rawValue)
    }

    @Test("equipmentAvailable: an ECG request is served where the site has an ECG, never where it has none")
    func siteEquipment() throws {
        let scenario = B.scenario(
            sites: [
                B.site("E-58-0001", in: .clamecy, equipment: [.videoCart, .ecg]),
                B.site("E-58-0002", in: .lormes, equipment: [.videoCart]),
            ],
            specialists: [B.specialist("SP-01", [.cardiology])],
            requests: [
                B.request("R-1", at: "E-58-0001", .routine, specialty: .cardiology, needs: [.ecg]),
                B.request("R-2", at: "E-58-0002", .urgent, specialty: .cardiology, needs: [.ecg]),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.host("R-1") == .siteEquipment)
        #expect(outcome.unassigned == ["R-2"])
        #expect(outcome.constraint("R-2") == ConstraintName.equipmentAvailable.rawValue)
    }

    @Test("equipmentAvailable: a unit brings its ECG to Lormes, but not a dermatoscope it does not carry")
    func unitEquipment() throws {
        let scenario = B.scenario(
            sites: [
                B.site("E-58-0001", in: .lormes, equipment: [.videoCart]),
                B.site("E-58-0002", in: .clamecy, equipment: [.videoCart, .dermatoscope]),
            ],
            specialists: [B.specialist("SP-01", [.cardiology]), B.specialist("SP-02", [.dermatology])],
            units: [B.unit(equipment: [.videoCart, .ecg])],
            requests: [
                B.request("R-1", at: "E-58-0001", .urgent, specialty: .cardiology, needs: [.ecg]),
                B.request("R-2", at: "E-58-0001", .urgent, specialty: .dermatology, needs: [.dermatoscope]),
            ])
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.host("R-1") == .unitVisit("U-01"))
        #expect(outcome.unassigned == ["R-2"])
        #expect(outcome.constraint("R-2") == ConstraintName.equipmentAvailable.rawValue)
    }
}
