import TelemedCore

/// The stored unit routes whose date (a local date) is in the period, per month and unit: days on
/// the road, stops (`unitVisits`) and kilometres (`unitDays.kilometres`). Days after the
/// database's today are routes planned, not yet driven.
enum UnitActivityQuery {
    static let sql = """
        SELECT substr(d.date, 1, 7) AS month, d.unitId AS unitId, COUNT(*) AS days,
               SUM(d.kilometres) AS kilometres,
               SUM((SELECT COUNT(*) FROM unitVisits v WHERE v.unitId = d.unitId AND v.date = d.date)) AS stops
        FROM unitDays d WHERE d.date >= ? AND d.date <= ?
        GROUP BY month, d.unitId
        """

    static func fetch(_ db: any SQLConnection, period: ActivityPeriod) throws -> [UnitMonthCount] {
        try db.fetchAll(sql: sql, arguments: [period.from.description, period.to.description]).map { row in
            UnitMonthCount(
                month: try CalendarMonth(row["month"] as String), unitId: row["unitId"],
                activity: UnitActivity(days: row["days"], stops: row["stops"], kilometres: row["kilometres"]))
        }
    }
}
