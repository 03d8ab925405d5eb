import TelemedCore
import TelemedPages
import TelemedReports

/// The activity report and the planner page's last months, on figures written by hand: two sites
/// in two departments, three specialties, every urgency, one unit.
extension PageSamples {
    static let activityPeriod = try! ActivityPeriod(
        from: LocalDate(year: 2027, month: 1, day: 1)!, to: LocalDate(year: 2027, month: 3, day: 31)!)

    static func activityFigures(siteName: String = "EHPAD Les Tilleuls") -> ActivityFigures {
        let (january, february, march) = (
            CalendarMonth(year: 2027, month: 1)!, CalendarMonth(year: 2027, month: 2)!,
            CalendarMonth(year: 2027, month: 3)!
        )
        return ActivityFigures(
            period: activityPeriod, scenarioName: "Programme d’essai (synthétique)",
            urgencyDelays: Scenario.defaultUrgencyDelays,
            sites: [
                ActivitySite(id: "E-58-0001", name: siteName, commune: "Clamecy", departmentCode: "58"),
                ActivitySite(id: "T-21-0001", name: "Maison de santé", commune: "Saulieu", departmentCode: "21"),
                ActivitySite(id: "T-89-0001", name: "Mairie", commune: "Vézelay", departmentCode: "89"),
            ],
            units: [ActivityUnit(id: "U-1", name: "Unité du Morvan")],
            counts: [
                ActivityCount(
                    month: january, siteId: "E-58-0001", specialty: .dermatology,
                    counts: ActivityCounts(requests: 12, bookings: 10, done: 8, noShow: 1, cancelled: 1)),
                ActivityCount(
                    month: february, siteId: "T-21-0001", specialty: .cardiology,
                    counts: ActivityCounts(requests: 7, bookings: 6, done: 4, notHeld: 2)),
                ActivityCount(
                    month: march, siteId: "E-58-0001", specialty: .woundCare,
                    counts: ActivityCounts(requests: 1_250, bookings: 1_100, confirmed: 100, done: 1_000)),
            ],
            waits: [
                WaitCount(urgency: .urgent, days: 1, sessions: 3), WaitCount(urgency: .urgent, days: 4, sessions: 1),
                WaitCount(urgency: .routine, days: 20, sessions: 5),
                WaitCount(urgency: .routine, days: 35, sessions: 2),
            ],
            unitMonths: [
                UnitMonthCount(
                    month: january, unitId: "U-1", activity: UnitActivity(days: 4, stops: 11, kilometres: 412.25)),
                UnitMonthCount(
                    month: march, unitId: "U-1", activity: UnitActivity(days: 5, stops: 14, kilometres: 530)),
            ])
    }

    /// The report of ``activityFigures(siteName:)``; with `waitingList`, as it will read once the
    /// waiting list is kept.
    static func activityReport(siteName: String = "EHPAD Les Tilleuls", waitingList: Bool = false) throws
        -> ActivityReport
    {
        var report = ActivityReport(
            figures: activityFigures(siteName: siteName), asOf: LocalDate(year: 2027, month: 3, day: 15)!,
            departments: try CommuneCatalog.shipped(region: "27").departments)
        if waitingList {
            report.waitingList = [
                .init(date: LocalDate(year: 2027, month: 1, day: 1)!, waiting: 14),
                .init(date: LocalDate(year: 2027, month: 1, day: 2)!, waiting: 9),
            ]
        }
        return report
    }

    /// The planner page's section for the report above.
    static func recentActivity() throws -> RecentActivity {
        RecentActivity(
            period: activityPeriod,
            months: try activityReport().months.map {
                RecentActivity.Month(month: $0.month, counts: $0.counts, kilometres: $0.units.kilometres)
            })
    }
}
