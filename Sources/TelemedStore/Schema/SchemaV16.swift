import GRDB

/// v16: circuits. A recurring stop may come every `everyWeeks` weeks counted from `anchorDate`, or
/// on one `weekOfMonth`; all three are null for the weekly stops every earlier file holds.
enum SchemaV16 {
    static func migrate(_ db: Database) throws {
        try db.alter(table: "unitRecurringStops") { t in
            t.add(column: "everyWeeks", .integer)
            t.add(column: "anchorDate", .text)
            t.add(column: "weekOfMonth", .integer)
        }
    }
}
