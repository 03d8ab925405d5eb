import TelemedCore

/// The local days of a period as a common table expression, `days(date, dayStart, dayEnd)`: each
/// day's `YYYY-MM-DD` with the UTC instants of its local midnight and of the next (23 or 25 hours
/// apart on the clock-change Sundays). Joining bookings on `start >= dayStart AND start < dayEnd`
/// gives each booking its start's local date (Europe/Paris) in SQL, one index range of
/// `bookings_start` per day, with the zone rules applied by ``WallClock`` and not rewritten in SQL.
///
/// On SQLite the queries name the index (``bookingsByStart(_:)``): for the sessions done alone,
/// SQLite otherwise built an automatic index on `status` and scanned every session done of the file
/// once per day, 1.1 s instead of 0.04 s on a simulated year (`BENCHMARKS.md`). PostgreSQL's
/// planner takes no such hint.
struct ActivityDays {
    let sql: String
    let arguments: SQLArguments

    /// `bookings b`, on SQLite through the index by start.
    static func bookingsByStart(_ dialect: SQLDialect) -> String {
        switch dialect {
        case .sqlite: "bookings b INDEXED BY bookings_start"
        case .postgres: "bookings b"
        }
    }

    init(_ period: ActivityPeriod) {
        let days = period.days
        sql =
            "WITH days(date, dayStart, dayEnd) AS (VALUES "
            + Array(repeating: "(?, ?, ?)", count: days.count).joined(separator: ", ") + ")"
        var arguments = SQLArguments()
        for day in days {
            let interval = WallClock.paris.dayInterval(day)
            arguments.append(contentsOf: [day.description, interval.start, interval.end])
        }
        self.arguments = arguments
    }
}
