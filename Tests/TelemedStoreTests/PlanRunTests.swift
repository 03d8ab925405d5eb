import Foundation
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("Plan runs")
struct PlanRunTests {
    @Test("a plan run is saved, updated in place with its plan, and listed newest first")
    func saveAndList() throws {
        let database = try TelemedDatabase.inMemory()
        let scenario = StoreFixture.scenario()
        let hash = try PlanRun.hash(of: scenario)
        #expect(hash.count == 64)
        var first = PlanRun(
            id: "run-1", kind: "solve", status: .running, createdAt: StoreFixture.at(8, 0), scenarioHash: hash)
        try database.savePlanRun(first)
        let second = PlanRun(
            id: "run-2", kind: "whatIf:addUnit", status: .failed, createdAt: StoreFixture.at(9, 0), scenarioHash: hash)
        try database.savePlanRun(second)
        first.status = .finished
        first.plan = Plan(bookings: [], visits: [], unassigned: [], score: PlanScore(hard: 0, served: 3, soft: 1.5))
        try database.savePlanRun(first)
        #expect(try database.planRun(id: "run-1") == first)
        #expect(try database.planRuns().map(\.id) == ["run-2", "run-1"])
    }
}
