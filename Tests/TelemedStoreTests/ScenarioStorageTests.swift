import Foundation
import GRDB
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("Scenario import and export")
struct ScenarioStorageTests {
    @Test(
        "import then export gives back an equal scenario",
        arguments: [StoreFixture.smallScenarioURL, StoreFixture.demoScenarioURL])
    func roundTrip(_ url: URL) throws {
        let scenario = try ScenarioCoder.load(contentsOf: url)
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let database = try TelemedDatabase.openFile(at: folder.path("telemed.sqlite"), clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")
        let exported = try TelemedDatabase.openFile(at: folder.path("telemed.sqlite"), clock: StoreFixture.clock)
            .exportScenario()
        #expect(exported == scenario)
    }

    @Test(
        "import then export gives back an equal scenario on both stores",
        arguments: [StoreFixture.smallScenarioURL, StoreFixture.demoScenarioURL], StoreBackend.allCases)
    func roundTripOnBothStores(_ url: URL, _ backend: StoreBackend) throws {
        let scenario = try ScenarioCoder.load(contentsOf: url)
        let database = try backend.open()
        #expect(throws: StoreError.noScenario(path: database.name)) { try database.exportScenario() }
        try database.importScenario(scenario, actor: "test")
        #expect(try database.exportScenario() == scenario)
        #expect(throws: StoreError.databaseNotEmpty(path: database.name)) {
            try database.importScenario(scenario, actor: "test")
        }
        // A replace takes the old scenario's rows with it, zones included.
        try database.importScenario(StoreFixture.scenario(), replace: true, actor: "test")
        #expect(try database.exportScenario() == StoreFixture.scenario().expandingShorthands())
        #expect(try database.zones().isEmpty)
    }

    @Test("a Solomon scenario round-trips: tick resolution, millisecond openings, crew requests with loads")
    func solomonRoundTrip() throws {
        let scenario = try SolomonScenario(instance: SolomonInstance(contentsOf: StoreFixture.solomonURL)).scenario
        #expect(scenario.ticksPerMinute != nil)
        #expect(scenario.sites.contains { $0.openings != nil })
        #expect(scenario.requests.contains { $0.mode == .crew && $0.load != nil })
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")
        #expect(try database.exportScenario() == scenario)
    }

    @Test("entities live in their own tables, not in one JSON blob")
    func rowsPerEntity() throws {
        let scenario = try ScenarioCoder.load(contentsOf: StoreFixture.smallScenarioURL)
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")
        let counts = try database.database.read { db in
            try [
                "sites", "specialists", "specialistWeeklyWindows", "units", "unitRecurringStops", "requests",
                "bookings",
            ]
            .map { try db.fetchOne(Int.self, sql: "SELECT COUNT(*) FROM \($0)")! }
        }
        let windows = scenario.specialists.map(\.weeklyAvailability.count).reduce(0, +)
        #expect(
            counts == [
                scenario.sites.count, scenario.specialists.count, windows, scenario.units.count,
                scenario.units[0].recurringStops.count, scenario.requests.count, scenario.bookings.count,
            ])
    }

    @Test("an import into a database that holds a scenario is refused and changes nothing")
    func importIntoNonEmptyIsRefused() throws {
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        let first = StoreFixture.scenario()
        try database.importScenario(first, actor: "test")
        let audit = try database.auditEntries().count
        var second = first
        second.name = "other"
        #expect(throws: StoreError.databaseNotEmpty(path: ":memory:")) {
            try database.importScenario(second, actor: "test")
        }
        #expect(try database.exportScenario() == first)
        #expect(try database.auditEntries().count == audit)
        try database.importScenario(second, replace: true, actor: "test")
        #expect(try database.exportScenario() == second)
    }

    @Test("an export from an empty database says to import first")
    func exportFromEmpty() throws {
        let error = #expect(throws: StoreError.self) {
            try TelemedDatabase.inMemory(clock: StoreFixture.clock).exportScenario()
        }
        #expect(error?.description.contains("telemed db import") == true)
    }

    @Test(
        "hostile strings in a scenario are stored verbatim",
        arguments: [
            #"O'Brien "quoted" \backslash"#, "'; DROP TABLE bookings; --", "Robert'); DELETE FROM sites;--",
            String(repeating: "é", count: 524_288),
        ])
    func hostileStrings(_ text: String) throws {
        var scenario = StoreFixture.scenario()
        scenario.sites[0].name = text
        scenario.sites[0].address = text
        scenario.requests[0].patientRef = text
        scenario.name = text
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: text)
        #expect(try database.exportScenario() == scenario)
        #expect(try database.auditEntries(limit: 1).first?.actor == text)
    }

    @Test("a NUL character anywhere in a scenario is refused with the field named, and nothing is stored")
    func nulIsRefused() throws {
        var scenario = StoreFixture.scenario()
        scenario.requests[3].patientRef = "P\u{0}hidden"
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        #expect(throws: StoreError.invalidText(field: "requests.patientRef")) {
            try database.importScenario(scenario, actor: "test")
        }
        #expect(throws: StoreError.self) { try database.exportScenario() }
        #expect(try database.auditEntries().isEmpty)
    }
}
