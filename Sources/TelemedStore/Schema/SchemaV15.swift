import GRDB

/// v15: the scenario's zones (`Zone`: a name, a kind, the INSEE codes of its communes as JSON
/// text, read whole with the zone). Writes raise the entity generation like the other entities',
/// since the objective's fairness can weigh zones.
enum SchemaV15 {
    static func migrate(_ db: Database) throws {
        try db.create(table: "zones") { t in
            t.primaryKey("name", .text)
            t.column("position", .integer).notNull()
            t.column("kind", .text).notNull()
            t.column("communes", .jsonText).notNull()
            t.check(sql: "json_valid(communes)")
        }
        for event in ["INSERT", "UPDATE", "DELETE"] {
            try db.execute(
                sql: """
                    CREATE TRIGGER zones_\(event.lowercased())_generation AFTER \(event) ON zones
                    BEGIN UPDATE entityGeneration SET value = value + 1 WHERE id = 1; END
                    """)
        }
    }
}
