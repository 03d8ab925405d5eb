import TelemedCore

extension TelemedDatabase {
    /// The stored zones, in order.
    public func zones() throws -> [Zone] {
        try database.read { db in try Self.loadZones(db) }
    }

    /// Adds `zones` in one transaction, each replacing a stored zone of the same name (an agency's
    /// new version of its zoning); the others stay. Checked as a scenario's zones are (names,
    /// kinds, INSEE codes); a refused import changes nothing. Audited as `zones.import`. Returns
    /// how many were added and how many replaced.
    @discardableResult
    public func importZones(_ zones: [Zone], actor: String) throws -> (added: Int, replaced: Int) {
        try database.write { db in
            guard try db.fetchOne(Int.self, sql: "SELECT COUNT(*) FROM scenarioSettings") ?? 0 > 0 else {
                throw StoreError.noScenario(path: name)
            }
            let before = try Self.loadZones(db)
            let after = Zone.replacing(before, with: zones)
            let issues = ScenarioValidator().validate(zones: after)
            guard issues.isEmpty else { throw StoreError.invalidZones(issues.map(\.description)) }
            try db.execute(sql: "DELETE FROM zones")
            for (position, zone) in after.enumerated() { try ZoneRecord(zone, position: position).insert(db) }
            let known = Set(before.map(\.name))
            let replaced = zones.filter { known.contains($0.name) }.count
            try AuditEntry(
                occurredAt: clock.now(), actor: actor, action: "zones.import", entityKind: "zones",
                entityId: "\(zones.count)",
                after: try StoreJSON.text(zones.map(\.name))
            ).append(to: db)
            return (zones.count - replaced, replaced)
        }
    }

    static func loadZones(_ db: any SQLConnection) throws -> [Zone] {
        try ZoneRecord.fetchAll(db, sql: "SELECT * FROM zones ORDER BY position").map(\.zone)
    }
}
