import Foundation
import TelemedCore

extension TelemedDatabase {
    /// The stored scenario over its planning window, with the bookings as they are now (statuses,
    /// versions, new bookings), read in one snapshot. Arrays keep the imported order; bookings made
    /// later follow. The history (see ``loadScenario(_:path:)``) is left out, so the result is a
    /// valid scenario of the window; so are the slots held for waiting requests (they end with
    /// their offers: a file cannot carry them, and the import refuses them).
    ///
    /// Throws ``StoreError/noScenario(path:)`` when nothing was imported.
    public func exportScenario() throws -> Scenario {
        var scenario = try database.read { db in try Self.loadScenario(db, path: name) }
        // Slots held for the waiting list go with their offers, which a scenario file cannot carry.
        scenario.bookings.removeAll { $0.status == .held }
        return scenario
    }

    /// The scenario of the planning window, `horizonStart` (today, as the roll last set it)
    /// onwards: bookings starting before it and the requests they served are history, kept in the
    /// database but not planned again, so what is read here does not grow with the years. A
    /// request whose bookings all lie in the history is history too; one with none is open (it
    /// may be overdue) and stays. An `async` capture in the history whose review runs into the
    /// window still holds its specialist then: the review becomes an unavailability of the
    /// specialist in the window's scenario.
    static func loadScenario(_ db: any SQLConnection, path: String) throws -> Scenario {
        guard let settings = try ScenarioSettingsRecord.current(db) else {
            throw StoreError.noScenario(path: path)
        }
        let windowStart = WallClock.paris.dayInterval(settings.horizonStart).start
        let windows = Dictionary(
            grouping: try SpecialistWindowRecord.fetchAll(
                db, sql: "SELECT * FROM specialistWeeklyWindows ORDER BY specialistId, position"), by: \.specialistId)
        var exceptions = Dictionary(
            grouping: try SpecialistExceptionRecord.fetchAll(db, sql: "SELECT * FROM specialistExceptions"),
            by: \.specialistId
        )
        .mapValues { $0.sorted { $0.position < $1.position }.map(\.exception) }
        for (specialistId, review, bookingId) in try reviewsReachingWindow(db, windowStart: windowStart) {
            exceptions[specialistId, default: []].append(
                AvailabilityException(
                    kind: .unavailable, start: review.start, end: review.end,
                    note: "review of booking \(bookingId), made before the planning window"))
        }
        let stops = Dictionary(
            grouping: try RecurringStopRecord.fetchAll(
                db, sql: "SELECT * FROM unitRecurringStops ORDER BY unitId, position"), by: \.unitId)
        var scenario = settings.scenario(
            sites: try SiteRecord.fetchAll(db, sql: "SELECT * FROM sites ORDER BY position").map(\.site),
            specialists: try SpecialistRecord.fetchAll(db, sql: "SELECT * FROM specialists ORDER BY position").map {
                var specialist = $0.specialist(windows: windows[$0.id] ?? [], exceptions: [])
                specialist.exceptions = exceptions[$0.id] ?? []
                return specialist
            },
            units: try UnitRecord.fetchAll(db, sql: "SELECT * FROM units ORDER BY position").map {
                $0.unit(stops: stops[$0.id] ?? [])
            },
            requests: try RequestRecord.fetchAll(
                db,
                sql: """
                    SELECT * FROM requests r
                    WHERE NOT EXISTS (SELECT 1 FROM bookings b WHERE b.requestId = r.id AND b.start < ?)
                    OR EXISTS (SELECT 1 FROM bookings b WHERE b.requestId = r.id AND b.start >= ?)
                    ORDER BY position
                    """, arguments: [windowStart, windowStart]
            ).map { record in
                // An earliest date the window has passed is today: what it meant still holds.
                var request = record.request
                if let earliest = request.earliestDate, earliest < settings.horizonStart {
                    request.earliestDate = settings.horizonStart
                }
                return request
            },
            bookings: try BookingRecord.fetchAll(
                db, sql: "SELECT * FROM bookings WHERE start >= ? ORDER BY position", arguments: [windowStart]
            ).map(\.booking))
        scenario.zones = try loadZones(db)
        scenario.requests = try anchoringSeries(
            scenario.requests, db, windowStart: windowStart, horizonStart: settings.horizonStart)
        // Only campaigns with patients in the window: one whose requests have all passed would be
        // expanded again by whoever reads the file (a campaign listed alone is new).
        let running = Set(scenario.requests.compactMap(\.campaignId))
        scenario.campaigns = try loadCampaigns(db).filter { running.contains($0.id) }
        return scenario
    }

    /// Reviews of live captures made before the window that end inside it.
    private static func reviewsReachingWindow(_ db: any SQLConnection, windowStart: Date) throws
        -> [(Specialist.ID, UTCInterval, Booking.ID)]
    {
        try BookingRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM bookings WHERE start < ? AND reviewEnd > ? AND status != 'cancelled'
                AND specialistId IS NOT NULL ORDER BY start, id
                """, arguments: [windowStart, windowStart]
        ).compactMap { record in
            let booking = record.booking
            guard let specialistId = booking.specialistId, let review = booking.review else { return nil }
            return (specialistId, review, booking.id)
        }
    }

    /// The first occurrence left of each series whose predecessor was booked before the window
    /// (and so is not exported) gets that booking's spacing as dates: no earlier than
    /// `minGapDays` and no later than `maxGapDays` after it, so the series keeps its rhythm
    /// across the roll. When that latest day has already passed, only the earliest stays: the
    /// rhythm is broken, and the occurrence is planned as soon as it can be.
    private static func anchoringSeries(
        _ requests: [ConsultationRequest], _ db: any SQLConnection, windowStart: Date, horizonStart: LocalDate
    ) throws -> [ConsultationRequest] {
        let listed = Set(
            requests.compactMap { request in request.series.flatMap { s in s.id.map { "\($0) \(s.index ?? 0)" } } })
        let anchored = requests.indices.filter { position in
            guard let series = requests[position].series, let id = series.id, let index = series.index else {
                return false
            }
            return index > 1 && !listed.contains("\(id) \(index - 1)")
        }
        guard !anchored.isEmpty else { return requests }
        // One query for every series: the last booking of each occurrence before the window.
        var bookedBefore: [String: Date] = [:]
        let rows = try db.fetchAll(
            sql: """
                SELECT r.seriesId, r.seriesIndex, MAX(b.start) AS start FROM bookings b
                JOIN requests r ON r.id = b.requestId
                WHERE r.seriesId IS NOT NULL AND b.start < ? AND b.status NOT IN ('cancelled', 'notHeld')
                GROUP BY r.seriesId, r.seriesIndex
                """, arguments: [windowStart])
        for row in rows {
            let seriesId: String = row["seriesId"]
            let index: Int = row["seriesIndex"]
            bookedBefore["\(seriesId) \(index)"] = row["start"]
        }
        var result = requests
        for position in anchored {
            let request = requests[position]
            guard let series = request.series, let id = series.id, let index = series.index,
                let previous = bookedBefore["\(id) \(index - 1)"]
            else { continue }
            let date = WallClock.paris.localDate(of: previous)
            let earliest = max(horizonStart, request.firstPossibleDate, date.adding(days: series.minGapDays))
            result[position].earliestDate = earliest
            let latest = date.adding(days: series.maxGapDays)
            if latest >= earliest { result[position].latestDate = request.latestDate.map { min($0, latest) } ?? latest }
        }
        return result
    }
}
