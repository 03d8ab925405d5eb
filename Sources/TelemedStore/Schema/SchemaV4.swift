import GRDB

/// v4: `entityGeneration`, one counter that every write to the scenario's entities raises, by
/// trigger, whichever connection or process writes. ``EntityCache`` keeps the entities between
/// confirmations and reloads them when the counter moved. Requests are not counted: the server
/// adds them all day, and a confirmation reads only its own few.
enum SchemaV4 {
    static let countedTables = [
        "scenarioSettings", "sites", "specialists", "specialistWeeklyWindows", "specialistExceptions", "units",
        "unitRecurringStops",
    ]

    static func migrate(_ db: Database) throws {
        try db.create(table: "entityGeneration") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("value", .integer).notNull()
        }
        try db.execute(sql: "INSERT INTO entityGeneration (id, value) VALUES (1, 0)")
        for table in countedTables {
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(
                    sql: """
                        CREATE TRIGGER \(table)_\(event.lowercased())_generation AFTER \(event) ON \(table)
                        BEGIN UPDATE entityGeneration SET value = value + 1 WHERE id = 1; END
                        """)
            }
        }
    }
}
