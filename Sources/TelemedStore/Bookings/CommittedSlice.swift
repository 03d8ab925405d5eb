import Foundation
import TelemedCore

/// The committed facts a change could collide with, read inside the change's write transaction:
/// the confirmed and done bookings that share a specialist day, a site's rooms, a patient, a request
/// or a unit day with the changed bookings, those of the neighbouring occurrences of a care series,
/// the stored routes of the unit days concerned, and the entities they name. Small enough to hand
/// to the plan checker on every confirmation.
struct CommittedSlice {
    let settings: ScenarioSettingsRecord
    /// The days the check looks at: the changed bookings' and route's days, widened by the review
    /// delay and two days each side, within the scenario's horizon. Committed bookings outside it
    /// are reported alike with and without the change, so the difference does not see them; the
    /// checker's per-day calendars then cost the same for a four-week and a one-year horizon.
    var window: Horizon
    /// Committed bookings, excluding the changed ones (their new state replaces them).
    var competitors: [Booking]
    var routes: [UnitDayKey: UnitRoute]
    var sites: [Site]
    var specialists: [Specialist]
    var units: [MobileUnit]
    var requests: [ConsultationRequest]

    /// Reads the slice around `changed` (bookings in their new state) and the unit day of `newRoute`.
    static func load(
        _ db: any SQLConnection, entities: EntityCache.Entities, changed: [Booking], newRoute: UnitRoute?
    ) throws -> CommittedSlice {
        let settings = entities.settings
        let clock = WallClock.paris
        let changedIds = Set(changed.map(\.id))
        // Each condition is a part of one query (``CommittedQuery``): on PostgreSQL every
        // statement is a round trip, and a group commit's slice has several per booking.
        var query = CommittedQuery()
        func collect(
            _ sql: String, _ arguments: SQLArguments, where keep: @escaping (Booking) -> Bool = { _ in true }
        ) {
            query.parts.append(CommittedQuery.Part(condition: sql, arguments: arguments, keep: keep))
        }
        var keys: Set<UnitDayKey> = newRoute.map { [$0.key] } ?? []
        let reviewDays = Double(settings.asyncReviewDays + 1) * 86_400
        for booking in changed {
            // The specialist's bookings whose busy interval starts that day (daily maximum) or
            // overlaps this one. A busy interval is the session (shorter than a day), or for
            // `async` the review, which starts at most `asyncReviewDays` after its capture:
            // bookings are found by start from the day before, and reviews, rarer, by a second
            // query over the earlier days.
            let busy = booking.specialistInterval
            let day = clock.dayInterval(clock.localDate(of: busy.start))
            let counted = { (other: Booking) -> Bool in
                let interval = other.specialistInterval
                return interval.overlaps(busy) || (day.start <= interval.start && interval.start < day.end)
            }
            let from = day.start.addingTimeInterval(-86_400)
            collect(
                "specialistId = ? AND start >= ? AND start < ?",
                [booking.specialistId, day.start, max(day.end, busy.end)], where: counted)
            // The day before, only what may still run into this one: a busy day's other sessions
            // are many, and reading them to drop them was a good part of a confirmation.
            collect(
                "specialistId = ? AND start >= ? AND start < ? AND (\"end\" > ? OR reviewStart IS NOT NULL)",
                [booking.specialistId, from, day.start, busy.start], where: counted)
            collect(
                "specialistId = ? AND start >= ? AND start < ? AND reviewStart IS NOT NULL",
                [booking.specialistId, from.addingTimeInterval(-reviewDays), from], where: counted)
            collect("requestId = ?", [booking.requestId])
            // A care series' occurrences just before and after this one: the checker's
            // `seriesSpacing` then sees the committed neighbours this booking must keep its gap with.
            collect(
                "requestId IN (SELECT n.id FROM requests n JOIN requests r ON n.seriesId = r.seriesId"
                    + " WHERE r.id = ? AND n.seriesIndex IN (r.seriesIndex - 1, r.seriesIndex + 1))",
                [booking.requestId])
            collect(
                "requestId IN (SELECT id FROM requests WHERE patientRef = (SELECT patientRef FROM requests WHERE id = ?))"
                    + " AND start < ? AND \"end\" > ?",
                [booking.requestId, booking.end, booking.start])
            if let unitId = booking.host.unitId {
                keys.insert(UnitDayKey(unitId: unitId, date: clock.localDate(of: booking.start)))
            }
        }
        // A site's rooms: the committed sessions there overlapping the changed ones, one query per
        // site over the span of its changed sessions (a group commit changes many at once).
        let atSites = Dictionary(grouping: changed.filter { $0.host.unitId == nil }, by: \.siteId)
        for (siteId, sessions) in atSites.sorted(by: { $0.key < $1.key }) {
            let (first, last) = (sessions.map(\.start).min()!, sessions.map(\.end).max()!)
            collect(
                "siteId = ? AND hostUnitId IS NULL AND start >= ? AND start < ? AND \"end\" > ?",
                [siteId, first.addingTimeInterval(-86_400), last, first],
                where: { other in sessions.contains { $0.interval.overlaps(other.interval) } })
        }
        for key in keys.sorted() {
            let day = clock.dayInterval(key.date)
            collect("hostUnitId = ? AND start >= ? AND start < ?", [key.unitId, day.start, day.end])
        }
        let found = try query.run(db, excluding: changedIds)
        var routes: [UnitDayKey: UnitRoute] = [:]
        for key in keys {
            if let route = try storedRoute(db, key) { routes[key] = route }
        }
        let competitors = found.values.sorted { $0.position < $1.position }.map(\.booking)
        var slice = try CommittedSlice(
            entities: entities, competitors: competitors, routes: routes, newRoute: newRoute,
            entitiesFor: competitors + changed, db)
        let days = changed.map { clock.localDate(of: $0.start) } + (newRoute.map { [$0.day.date] } ?? [])
        if let first = days.min(), let last = days.max() {
            let margin = settings.asyncReviewDays + 2
            let start = max(settings.horizonStart, min(first.adding(days: -margin), settings.horizonEnd))
            let end = min(settings.horizonEnd, max(last.adding(days: margin), settings.horizonStart))
            slice.window = Horizon(start: start, end: max(start, end))
        }
        return slice
    }

    static func storedRoute(_ db: any SQLConnection, _ key: UnitDayKey) throws -> UnitRoute? {
        let arguments: SQLArguments = [key.unitId, key.date.description]
        guard
            let day = try UnitDayRecord.fetchOne(
                db, sql: "SELECT * FROM unitDays WHERE unitId = ? AND date = ?", arguments: arguments)
        else { return nil }
        let visits = try UnitVisitRecord.fetchAll(
            db, sql: "SELECT * FROM unitVisits WHERE unitId = ? AND date = ? ORDER BY stopOrder", arguments: arguments)
        return UnitRoute(day: day.unitDay, visits: visits.map(\.visit))
    }

    private init(
        entities: EntityCache.Entities, competitors: [Booking], routes: [UnitDayKey: UnitRoute],
        newRoute: UnitRoute?, entitiesFor bookings: [Booking], _ db: any SQLConnection
    ) throws {
        settings = entities.settings
        window = Horizon(start: settings.horizonStart, end: settings.horizonEnd)
        self.competitors = competitors
        self.routes = routes
        requests = try Self.requests(db, ids: Set(bookings.map(\.requestId)))
        var siteIds = Set(bookings.map(\.siteId))
        siteIds.formUnion(requests.map(\.siteId))
        siteIds.formUnion((Array(routes.values) + (newRoute.map { [$0] } ?? [])).flatMap(\.visits).map(\.siteId))
        sites = siteIds.sorted().compactMap { entities.sites[$0] }
        var unitIds = Set(bookings.compactMap(\.host.unitId))
        unitIds.formUnion(routes.keys.map(\.unitId))
        if let newRoute { unitIds.insert(newRoute.day.unitId) }
        units = unitIds.sorted().compactMap { entities.units[$0] }
        specialists = Set(bookings.compactMap(\.specialistId)).sorted().compactMap { entities.specialists[$0] }
    }

    /// Requests by id, by position. A prepared statement per id count, kept by SQLite's connection.
    private static func requests(_ db: any SQLConnection, ids: Set<ConsultationRequest.ID>) throws
        -> [ConsultationRequest]
    {
        guard !ids.isEmpty else { return [] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        return try RequestRecord.fetchAll(
            db, sql: "SELECT * FROM requests WHERE id IN (\(marks)) ORDER BY position",
            arguments: SQLArguments(ids.map(\.rawValue))
        ).map(\.request)
    }

    /// The slice as a scenario the plan checker reads (no pinned bookings: the plan holds them all).
    var scenario: Scenario {
        var scenario = settings.scenario(
            sites: sites, specialists: specialists, units: units, requests: requests, bookings: [])
        scenario.horizon = window
        return scenario
    }

    /// The committed bookings plus `changed`, on the stored routes with `replacing` swapped in.
    func plan(adding changed: [Booking], replacing route: UnitRoute?) -> Plan {
        var routes = self.routes
        if let route { routes[route.key] = route }
        let ordered = routes.keys.sorted().compactMap { routes[$0] }
        return Plan(
            bookings: competitors + changed, visits: ordered.flatMap(\.visits), unitDays: ordered.map(\.day),
            unassigned: [], score: PlanScore(hard: 0, served: 0, soft: 0))
    }
}

/// The committed bookings matching any of several conditions, read in few statements: the parts
/// are joined with `UNION ALL`, each tagged with its index so its own filter applies to its rows
/// (at most ``partsPerStatement`` parts a statement, under SQLite's limit of 500 compound terms).
private struct CommittedQuery {
    struct Part {
        var condition: String
        var arguments: SQLArguments
        var keep: (Booking) -> Bool
    }

    static let partsPerStatement = 100

    var parts: [Part] = []

    /// The committed bookings some part keeps, by id, without those in `excluding`.
    func run(_ db: any SQLConnection, excluding: Set<Booking.ID>) throws -> [Booking.ID: BookingRecord] {
        var found: [Booking.ID: BookingRecord] = [:]
        for start in stride(from: 0, to: parts.count, by: Self.partsPerStatement) {
            let chunk = Array(parts[start..<min(start + Self.partsPerStatement, parts.count)])
            var arguments = SQLArguments()
            let sql = chunk.enumerated().map { index, part -> String in
                arguments.append(contentsOf: part.arguments)
                return "SELECT *, \(index) AS part FROM bookings WHERE \(SchemaV12.committed) AND \(part.condition)"
            }.joined(separator: " UNION ALL ")
            try db.forEachRow(sql: sql, arguments: arguments) { row in
                let record = try BookingRecord(row: row)
                let part: Int = try row.decode("part")
                guard !excluding.contains(record.id), chunk[part].keep(record.booking) else { return }
                found[record.id] = record
            }
        }
        return found
    }
}
