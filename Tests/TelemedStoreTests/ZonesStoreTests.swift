import Foundation
import GRDB
import TelemedCore
import Testing

@testable import TelemedStore

/// Zones in the database: imported with the scenario or from an agency's file, replaced by name,
/// checked before anything is written, and exported with the scenario.
@Suite("Zones in the store")
struct ZonesStoreTests {
    static let morvan = Zone(name: "ZIP Morvan", kind: .priorityIntervention, communes: ["58062", "58079"])
    static let nevers = Zone(name: "QPV Nevers", kind: .cityPolicyNeighbourhood, communes: ["58194"])

    @Test("zones travel with the scenario: imported, exported, and replaced with it")
    func withTheScenario() throws {
        var scenario = StoreFixture.scenario()
        scenario.zones = [Self.morvan]
        let database = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        try database.importScenario(scenario, actor: "test")
        #expect(try database.zones() == [Self.morvan])
        #expect(try database.exportScenario().zones == [Self.morvan])
        try database.importScenario(StoreFixture.scenario(), replace: true, actor: "test")
        #expect(try database.zones().isEmpty, "a replaced scenario takes its zones with it")
    }

    @Test(
        "an agency's file adds zones and replaces those of the same name, audited", arguments: StoreBackend.allCases)
    func importReplaces(_ backend: StoreBackend) throws {
        let database = try backend.open()
        #expect(throws: StoreError.noScenario(path: database.name)) {
            try database.importZones([Self.morvan], actor: "cli")
        }
        try database.importScenario(StoreFixture.scenario(), actor: "test")
        #expect(try database.importZones([Self.morvan], actor: "cli") == (added: 1, replaced: 0))
        let redrawn = Zone(name: "ZIP Morvan", kind: .priorityIntervention, communes: ["58079"])
        #expect(try database.importZones([Self.nevers, redrawn], actor: "cli") == (added: 1, replaced: 1))
        #expect(try database.zones() == [redrawn, Self.nevers])
        let imports = try database.database.read { db in
            try db.fetchOne(Int.self, sql: "SELECT COUNT(*) FROM auditLog WHERE action = 'zones.import'")
        }
        #expect(imports == 2)
    }

    @Test("invalid zones are refused and change nothing; so is a database without a scenario")
    func refused() throws {
        let (database, _) = try StoreFixture.database()
        try database.importZones([Self.morvan], actor: "cli")
        let generation = try database.database.read { db in
            try db.fetchOne(Int.self, sql: "SELECT value FROM entityGeneration")
        }
        let broken = Zone(name: "ZIP Morvan", kind: "ZIP", communes: ["5806", "58062", "58062"])
        #expect(throws: StoreError.self) { try database.importZones([Self.nevers, broken], actor: "cli") }
        #expect(try database.zones() == [Self.morvan])
        #expect(
            try database.database.read { db in try db.fetchOne(Int.self, sql: "SELECT value FROM entityGeneration") }
                == generation)
        let empty = try TelemedDatabase.inMemory(clock: StoreFixture.clock)
        #expect(throws: StoreError.self) { try empty.importZones([Self.morvan], actor: "cli") }
    }

    @Test("a zones import raises the entity generation: caches built on the zones reload")
    func generation() throws {
        let (database, _) = try StoreFixture.database()
        let read = {
            try database.database.read { db in try db.fetchOne(Int.self, sql: "SELECT value FROM entityGeneration") }
        }
        let before = try read()
        try database.importZones([Self.morvan], actor: "cli")
        #expect(try read() != before)
    }
}
