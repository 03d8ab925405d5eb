import GRDB

/// v9: the rolling planning window. `planningWindow` holds how many weeks ahead the database
/// plans (the window's first day is the scenario's `horizonStart`, moved by the roll);
/// `requests.overdueSince` is the day the roll found an open request past its due date; the
/// indexes let the window be read without scanning the history (bookings and unit days before
/// today).
enum SchemaV9 {
    static let defaultWindowWeeks = 8

    static func migrate(_ db: Database) throws {
        try db.create(table: "planningWindow") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("windowWeeks", .integer).notNull().check { $0 >= 1 && $0 <= 52 }
        }
        try db.execute(
            sql: "INSERT INTO planningWindow (id, windowWeeks) VALUES (1, ?)", arguments: [defaultWindowWeeks])
        try db.alter(table: "requests") { t in t.add(column: "overdueSince", .text) }
        try db.create(index: "bookings_start", on: "bookings", columns: ["start"])
        try db.create(index: "unitDays_date", on: "unitDays", columns: ["date"])
    }
}
