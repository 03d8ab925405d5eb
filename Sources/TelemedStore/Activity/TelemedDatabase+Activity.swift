import TelemedCore

extension TelemedDatabase {
    /// The activity of `period`, aggregated in SQLite in one read snapshot: requests by release
    /// date; bookings by their start's local date (Europe/Paris), per status; the waits of the
    /// sessions done; the stored unit routes by date; the waiting list's length at the end of each
    /// day through `asOf` (the report's day of reading; `asOf` itself at the clock's now if that
    /// is earlier); the campaigns running during the period, with their progress. What each figure counts is on ``ActivityFigures`` and ``ActivityCounts``.
    ///
    /// ```swift
    /// let period = try ActivityPeriod(from: try LocalDate("2027-01-01"), to: try LocalDate("2027-12-31"))
    /// let figures = try database.activityFigures(in: period, asOf: try database.planningWindow().today)
    /// ```
    ///
    /// Throws ``StoreError/noScenario(path:)`` when nothing was imported.
    public func activityFigures(in period: ActivityPeriod, asOf: LocalDate) throws -> ActivityFigures {
        try database.read { db in
            guard let settings = try ScenarioSettingsRecord.current(db) else {
                throw StoreError.noScenario(path: name)
            }
            var merged: [ActivityKey: ActivityCounts] = [:]
            for count in try RequestCountQuery.fetch(db, period: period) + SessionCountQuery.fetch(db, period: period) {
                merged[ActivityKey(count), default: .zero] = merged[ActivityKey(count), default: .zero] + count.counts
            }
            return ActivityFigures(
                period: period, scenarioName: settings.name, urgencyDelays: settings.urgencyDelays,
                sites: try Self.activitySites(db), units: try Self.activityUnits(db),
                counts: merged.sorted { $0.key < $1.key }.map {
                    ActivityCount(
                        month: $0.key.month, siteId: $0.key.siteId, specialty: $0.key.specialty, counts: $0.value)
                },
                waits: try WaitCountQuery.fetch(db, period: period),
                unitMonths: try UnitActivityQuery.fetch(db, period: period),
                waitingList: try WaitingListQuery.fetch(db, period: period, through: asOf, now: clock.now()),
                campaigns: try Self.campaignProgress(db).filter {
                    $0.period.start <= period.to && period.from <= $0.period.end
                })
        }
    }

    private static func activitySites(_ db: any SQLConnection) throws -> [ActivitySite] {
        try db.fetchAll(sql: "SELECT id, name, commune, inseeCode FROM sites ORDER BY position").map { row in
            ActivitySite(
                id: row["id"], name: row["name"], commune: row["commune"],
                departmentCode: FrenchCodes.departmentCode(ofCommune: row["inseeCode"]))
        }
    }

    private static func activityUnits(_ db: any SQLConnection) throws -> [ActivityUnit] {
        try db.fetchAll(sql: "SELECT id, name FROM units ORDER BY position").map { row in
            ActivityUnit(id: row["id"], name: row["name"])
        }
    }
}

/// Month, site and specialty: where request and booking counts meet.
private struct ActivityKey: Hashable, Comparable {
    var month: CalendarMonth
    var siteId: Site.ID
    var specialty: Specialty

    init(_ count: ActivityCount) {
        month = count.month
        siteId = count.siteId
        specialty = count.specialty
    }

    static func < (lhs: ActivityKey, rhs: ActivityKey) -> Bool {
        (lhs.month, lhs.siteId.rawValue, lhs.specialty.rawValue) < (
            rhs.month, rhs.siteId.rawValue, rhs.specialty.rawValue
        )
    }
}
