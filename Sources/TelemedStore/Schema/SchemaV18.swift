import GRDB

/// v18: campaigns. A campaign (`Campaign`) is stored whole as JSON text (its targets are read
/// with it, never queried apart); its patients are requests naming it (`campaignId`, indexed for
/// progress per campaign), each with the campaign's last day as `latestDate`. Null on every
/// earlier row. Writes raise the entity generation like the other entities'.
enum SchemaV18 {
    static func migrate(_ db: Database) throws {
        try db.create(table: "campaigns") { t in
            t.primaryKey("id", .text)
            t.column("position", .integer).notNull()
            t.column("definition", .jsonText).notNull()
            t.check(sql: "json_valid(definition)")
        }
        try db.alter(table: "requests") { t in
            t.add(column: "latestDate", .text)
            t.add(column: "campaignId", .text).references("campaigns", onDelete: .restrict)
        }
        try db.create(index: "requests_campaign", on: "requests", columns: ["campaignId"])
        for event in ["INSERT", "UPDATE", "DELETE"] {
            try db.execute(
                sql: """
                    CREATE TRIGGER campaigns_\(event.lowercased())_generation AFTER \(event) ON campaigns
                    BEGIN UPDATE entityGeneration SET value = value + 1 WHERE id = 1; END
                    """)
        }
    }
}
