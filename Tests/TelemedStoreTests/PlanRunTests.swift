import Foundation
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("Plan runs")
struct PlanRunTests {
    @Test(
        "a plan run is saved, updated in place with its plan, and listed newest first", arguments: StoreBackend.allCases
    )
    func saveAndList(_ backend: StoreBackend) throws {
        let database = try backend.open()
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

@Suite("What-if runs of the planner page")
struct WhatIfRunStorageTests {
    @Test("a what-if's name and changed scenario are kept with its plan run, and read back equal after reopening")
    func roundTrip() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.path("telemed.sqlite")
        var scenario = StoreFixture.scenario()
        scenario.name = "Sans le dermatologue"
        let started = Date(timeIntervalSince1970: 1_800_000_000)
        do {
            let database = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
            #expect(throws: StoreError.unknownReference("plan run plan-1")) {
                try database.saveWhatIfRun(
                    WhatIfRun(planRunId: "plan-1", name: "Sans S-2", startedAt: started, scenario: scenario))
            }
            try database.savePlanRun(
                PlanRun(
                    id: "plan-1", kind: "whatif", status: .running, createdAt: StoreFixture.clock.now(),
                    scenarioHash: "x"))
            try database.saveWhatIfRun(
                WhatIfRun(planRunId: "plan-1", name: "Sans S-2", startedAt: started, scenario: scenario))
        }
        let reopened = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        let kept = try #require(try reopened.whatIfRun(planRunId: "plan-1"))
        #expect(kept.name == "Sans S-2")
        #expect(kept.startedAt == started)
        #expect(kept.scenario == scenario)
        #expect(try reopened.whatIfRun(planRunId: "plan-2") == nil)
    }

    @Test("only the newest what-ifs keep their scenario; older plan runs stay", arguments: StoreBackend.allCases)
    func oldestForgotten(_ backend: StoreBackend) throws {
        let database = try backend.open()
        let scenario = StoreFixture.scenario()
        let kept = TelemedDatabase.keptWhatIfRuns
        for index in 0..<(kept + 2) {
            let id = "plan-\(index)"
            try database.savePlanRun(
                PlanRun(
                    id: id, kind: "whatif", status: .finished, createdAt: StoreFixture.clock.now(), scenarioHash: "x"))
            try database.saveWhatIfRun(
                WhatIfRun(
                    planRunId: id, name: "Variante \(index)",
                    startedAt: Date(timeIntervalSince1970: 1_800_000_000 + Double(index)), scenario: scenario))
        }
        #expect(try database.whatIfRun(planRunId: "plan-0") == nil)
        #expect(try database.whatIfRun(planRunId: "plan-1") == nil)
        #expect(try database.whatIfRun(planRunId: "plan-2")?.name == "Variante 2")
        #expect(try database.whatIfRun(planRunId: "plan-\(kept + 1)") != nil)
        #expect(try database.planRuns(limit: 1_000).count == kept + 2)
        #expect(throws: StoreError.unknownReference("plan run nowhere")) {
            try database.saveWhatIfRun(
                WhatIfRun(planRunId: "nowhere", name: "x", startedAt: StoreFixture.clock.now(), scenario: scenario))
        }
    }
}
