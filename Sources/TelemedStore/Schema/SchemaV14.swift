import GRDB

/// v14: contact addresses of sites, specialists and units, where notification e-mails go. Optional:
/// an entity without one is told of nothing by e-mail (webhooks still hear of it).
enum SchemaV14 {
    static func migrate(_ db: Database) throws {
        for table in ["sites", "specialists", "units"] {
            try db.alter(table: table) { t in t.add(column: "email", .text) }
        }
    }
}
