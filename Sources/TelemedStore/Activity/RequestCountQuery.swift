import TelemedCore

/// Requests counted by their release date (the day staff made them), per month, site and specialty.
enum RequestCountQuery {
    static let sql = """
        SELECT substr(releaseDate, 1, 7) AS month, siteId, specialty, COUNT(*) AS requests
        FROM requests WHERE releaseDate >= ? AND releaseDate <= ?
        GROUP BY month, siteId, specialty
        """

    static func fetch(_ db: any SQLConnection, period: ActivityPeriod) throws -> [ActivityCount] {
        try db.fetchAll(sql: sql, arguments: [period.from.description, period.to.description]).map { row in
            ActivityCount(
                month: try CalendarMonth(row["month"] as String), siteId: row["siteId"],
                specialty: Specialty(rawValue: row["specialty"]), counts: ActivityCounts(requests: row["requests"]))
        }
    }
}
