import Foundation
import GRDB
import TelemedCore
import TelemedReports
import Testing

@testable import TelemedStore

/// Every figure of the activity report on ``ActivityFixture`` against a count written here in
/// plain SQL, independently of the store's queries: month bounds from Foundation's calendar in
/// Europe/Paris rather than the store's day table, "confirmed at some point" from the audit log's
/// `booking.confirmed` entries rather than the `before` of the cancellation, waits from the booking
/// rows read one by one.
@Suite("Activity figures")
struct ActivityFiguresTests {
    static let sites: [Site.ID] = ["A", "B", "C"]
    static let specialties: [Specialty] = [.generalPractice, .cardiology, .dermatology]

    let database: TelemedDatabase
    let report: ActivityReport

    init() throws {
        database = try ActivityFixture.database()
        report = ActivityReport(
            figures: try database.activityFigures(in: ActivityFixture.period, asOf: ActivityFixture.day(5, 1)),
            asOf: ActivityFixture.day(5, 1),
            departments: try CommuneCatalog.shipped(region: "27").departments)
    }

    /// The UTC instants of local midnight (Europe/Paris) at `date`, by Foundation's calendar.
    static func midnight(_ date: LocalDate) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
    }

    /// The days of `month` inside the period.
    static func days(of month: CalendarMonth) -> (first: LocalDate, last: LocalDate) {
        let period = ActivityFixture.period
        return (max(month.first, period.from), min(month.last, period.to))
    }

    /// Counted in SQL for the sites and specialties given (all when nil), over `first…last`.
    func expectedCounts(first: LocalDate, last: LocalDate, sites: [Site.ID]? = nil, specialty: Specialty? = nil)
        throws -> ActivityCounts
    {
        let siteList = (sites ?? Self.sites).map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let specialtyFilter = specialty.map { "AND r.specialty = '\($0.rawValue)'" } ?? ""
        return try database.database.read { db in
            func sessions(_ condition: String) throws -> Int {
                try db.fetchOne(
                    Int.self,
                    sql: """
                        SELECT COUNT(*) FROM bookings b JOIN requests r ON r.id = b.requestId
                        WHERE b.siteId IN (\(siteList)) \(specialtyFilter) AND b.start >= ? AND b.start < ?
                        AND (\(condition))
                        """,
                    arguments: [Self.midnight(first), Self.midnight(last.adding(days: 1))])!
            }
            let wasConfirmed =
                "b.id IN (SELECT entityId FROM auditLog WHERE entityKind = 'booking' AND action = 'booking.confirmed')"
            return ActivityCounts(
                requests: try db.fetchOne(
                    Int.self,
                    sql: """
                        SELECT COUNT(*) FROM requests r WHERE r.siteId IN (\(siteList)) \(specialtyFilter)
                        AND r.releaseDate BETWEEN ? AND ?
                        """,
                    arguments: [first.description, last.description])!,
                bookings: try sessions("b.status <> 'proposed' AND \(wasConfirmed)"),
                confirmed: try sessions("b.status = 'confirmed'"), done: try sessions("b.status = 'done'"),
                noShow: try sessions("b.status = 'noShow'"), notHeld: try sessions("b.status = 'notHeld'"),
                cancelled: try sessions("b.status = 'cancelled' AND \(wasConfirmed)"))
        }
    }

    /// The figures above are checked against independent SQL on SQLite; PostgreSQL's dialect
    /// (day arithmetic, JSON, sums of conditions) must give the very same.
    @Test("PostgreSQL gives the same figures as SQLite, to the last count")
    func sameOnPostgres() throws {
        let postgres = try ActivityFixture.database(.postgres)
        let asOf = ActivityFixture.day(5, 1)
        let figures = try postgres.activityFigures(in: ActivityFixture.period, asOf: asOf)
        #expect(figures == (try database.activityFigures(in: ActivityFixture.period, asOf: asOf)))
        #expect(!figures.counts.isEmpty && !figures.waits.isEmpty && !figures.unitMonths.isEmpty)
    }

    @Test("each month, site and specialty counts what SQL counts, and rows hold something")
    func rows() throws {
        for month in ActivityFixture.period.months {
            let (first, last) = Self.days(of: month)
            for site in Self.sites {
                for specialty in Self.specialties {
                    let row = report.rows.first { $0.month == month && $0.siteId == site && $0.specialty == specialty }
                    let expected = try expectedCounts(first: first, last: last, sites: [site], specialty: specialty)
                    #expect((row?.counts ?? .zero) == expected, "\(month) \(site) \(specialty)")
                }
            }
        }
        #expect(report.rows.allSatisfy { $0.counts != .zero })
        #expect(report.rows.first { $0.siteId == "C" }?.department == "21")
    }

    @Test("months, departments, specialties, sites and the total count what SQL counts")
    func totals() throws {
        let period = ActivityFixture.period
        #expect(report.months.map(\.month.description) == ["2027-01", "2027-02", "2027-03"])
        for month in report.months {
            let (first, last) = Self.days(of: month.month)
            #expect(month.counts == (try expectedCounts(first: first, last: last)), "\(month.month)")
        }
        let total = try expectedCounts(first: period.from, last: period.to)
        #expect(report.total == total)
        #expect(report.departments.map(\.code) == ["21", "58"])
        #expect(report.departments.map(\.name) == ["Côte-d'Or", "Nièvre"])
        #expect(report.departments[0].counts == (try expectedCounts(first: period.from, last: period.to, sites: ["C"])))
        #expect(
            report.departments[1].counts
                == (try expectedCounts(first: period.from, last: period.to, sites: ["A", "B"])))
        for entry in report.specialties {
            #expect(
                entry.counts == (try expectedCounts(first: period.from, last: period.to, specialty: entry.specialty)))
        }
        #expect(report.sites.map(\.id) == ["C", "A", "B"])
        for site in report.sites {
            #expect(site.counts == (try expectedCounts(first: period.from, last: period.to, sites: [site.id])))
        }
        // Read off the fixture by hand, so that the store and the SQL above cannot agree on a mistake:
        // the session at 00:30 on 1 April (31 March in UTC) and proposals never confirmed are out,
        // the one cancelled after its confirmation is in.
        #expect(
            total
                == ActivityCounts(
                    requests: 11, bookings: 12, confirmed: 1, done: 7, noShow: 2, notHeld: 1, cancelled: 1))
        #expect(total.bookings == total.confirmed + total.done + total.noShow + total.notHeld + total.cancelled)
        #expect(report.months[2].counts.noShow == 1, "00:30 on 1 March is March, though February in UTC")
    }

    @Test("waits by urgency are the sessions done, day by day, against each urgency's delay")
    func waits() throws {
        let rows = try database.database.read { db in
            try db.fetchAll(
                sql: """
                    SELECT b.start AS start, r.releaseDate AS releaseDate, r.urgency AS urgency
                    FROM bookings b JOIN requests r ON r.id = b.requestId
                    WHERE b.status = 'done' AND b.start >= ? AND b.start < ?
                    """,
                arguments: [
                    Self.midnight(ActivityFixture.period.from),
                    Self.midnight(ActivityFixture.period.to.adding(days: 1)),
                ])
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Paris")!
        var waits: [Urgency: [Int]] = [:]
        for row in rows {
            let start: Date = row["start"]
            let release = try LocalDate(row["releaseDate"] as String)
            let day = calendar.dateComponents([.year, .month, .day], from: start)
            let local = LocalDate(year: day.year!, month: day.month!, day: day.day!)!
            waits[Urgency(rawValue: row["urgency"])!, default: []].append(release.days(to: local))
        }
        let delays = Scenario.defaultUrgencyDelays
        for entry in report.waits {
            let mine = waits[entry.urgency] ?? []
            #expect(entry.delayDays == delays[entry.urgency])
            #expect(entry.sessions == mine.count, "\(entry.urgency)")
            #expect(entry.withinDelay == mine.filter { $0 <= delays[entry.urgency] }.count, "\(entry.urgency)")
        }
        #expect(waits[.urgent]?.sorted() == [1, 1, 1])
        #expect(waits[.soon] == [31])
        #expect(waits[.routine]?.sorted() == [14, 36, 70])
        let urgent = try #require(report.waits.first { $0.urgency == .urgent })
        #expect(urgent.medianDays == 1 && urgent.p90Days == 1 && urgent.withinDelayPercent == 100)
        let soon = try #require(report.waits.first { $0.urgency == .soon })
        #expect(soon.medianDays == 31 && soon.withinDelay == 0 && soon.withinDelayPercent == 0)
        let routine = try #require(report.waits.first { $0.urgency == .routine })
        // Ranks as NumPy's default: 36, then 36 + 0.8 × (70 − 36).
        #expect(routine.medianDays == 36)
        #expect(abs((routine.p90Days ?? 0) - 63.2) < 1e-9)
        #expect(routine.withinDelay == 1 && routine.withinDelayPercent == 33.3)
    }

    @Test("unit days, stops and kilometres count the stored routes dated in each month")
    func units() throws {
        for month in report.months {
            let (first, last) = Self.days(of: month.month)
            let expected = try database.database.read { db in
                let row = try db.fetchOne(
                    sql: """
                        SELECT COUNT(*) AS days, COALESCE(SUM(kilometres), 0) AS kilometres,
                               (SELECT COUNT(*) FROM unitVisits WHERE date BETWEEN ?1 AND ?2) AS stops
                        FROM unitDays WHERE date BETWEEN ?1 AND ?2
                        """,
                    arguments: [first.description, last.description])!
                return UnitActivity(days: row["days"], stops: row["stops"], kilometres: row["kilometres"])
            }
            #expect(month.units.days == expected.days && month.units.stops == expected.stops, "\(month.month)")
            // The report gives kilometres to the tenth.
            #expect(abs(month.units.kilometres - expected.kilometres) <= 0.05 + 1e-9, "\(month.month)")
        }
        #expect(report.months.map(\.units.kilometres) == [10.5, 20.3, 30])
        #expect(report.months.map(\.units.stops) == [1, 2, 1])
        #expect(report.units.map(\.unitId) == ["U-1"])
        #expect(report.units[0].activity == UnitActivity(days: 3, stops: 4, kilometres: 60.8))
        #expect(report.unitMonths.count == 3)
    }

    @Test("the waiting list's length at the end of each day equals a count of the stays, in JSON, CSV and HTML")
    func waitingList() throws {
        let lengths = try #require(report.waitingList)
        let days = ActivityFixture.period.from.through(ActivityFixture.period.to)
        #expect(lengths.map(\.date) == days)
        let stays = try database.database.read { db in
            try db.fetchAll(sql: "SELECT enteredAt, leftAt FROM waitlist").map {
                (entered: $0["enteredAt"] as Date, left: $0["leftAt"] as Date?)
            }
        }
        for length in lengths {
            let end = Self.midnight(length.date.adding(days: 1))
            let expected = stays.filter { $0.entered < end && ($0.left == nil || $0.left! >= end) }.count
            #expect(length.waiting == expected, "\(length.date)")
        }
        // 1–9 February: C-8; 10 February–4 March: both; from 5 March: C-13.
        #expect(lengths.map(\.waiting).max() == 2)
        #expect(lengths.filter { $0.waiting == 2 }.count == 23)
        #expect(lengths.first { $0.date == ActivityFixture.day(2, 1) }?.waiting == 1)
        #expect(lengths.first { $0.date == ActivityFixture.day(1, 31) }?.waiting == 0)
        #expect(lengths.last?.waiting == 1)
        let csv = ActivityCSV.render(report)
        #expect(csv.split(whereSeparator: \.isNewline).filter { $0.hasPrefix("waiting_list,") }.count == days.count)
        let html = ActivityReportPage(report: report).render()
        #expect(html.contains("Demandes en attente d’un créneau") && !html.contains("Non mesurée"))
    }

    @Test("a period that has not begun by the day of reading has no waiting-list figure, not zeros")
    func waitingListToCome() throws {
        let early = ActivityReport(
            figures: try database.activityFigures(in: ActivityFixture.period, asOf: ActivityFixture.day(1, 10)),
            asOf: ActivityFixture.day(1, 10), departments: [])
        #expect(early.waitingList == nil)
        #expect(!String(decoding: try ScenarioCoder.encode(early), as: UTF8.self).contains("waitingList"))
        #expect(ActivityReportPage(report: early).render().contains("Non mesurée"))
    }
}
