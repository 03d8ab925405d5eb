import GRDB

/// v17: care series. An occurrence of a series (`CareSeries`) keeps its series id, its index
/// 1…count and the spacing the series shares; all five are null for a request that stands alone
/// (every earlier row). Only expanded occurrences are stored: a bare spec is expanded on import.
enum SchemaV17 {
    static func migrate(_ db: Database) throws {
        try db.alter(table: "requests") { t in
            t.add(column: "seriesId", .text)
            t.add(column: "seriesIndex", .integer)
            t.add(column: "seriesCount", .integer)
            t.add(column: "seriesMinGapDays", .integer)
            t.add(column: "seriesMaxGapDays", .integer)
        }
        try db.create(index: "requests_series", on: "requests", columns: ["seriesId", "seriesIndex"])
    }
}
