import TelemedCore

/// The planner page's "Activité des derniers mois": each month's requests, sessions and outcomes
/// and the units' kilometres (the activity report's monthly figures, counted the same way), a
/// link to the full report of those months, and a form asking for the report of other dates.
public struct RecentActivity: Hashable, Sendable {
    public struct Month: Hashable, Sendable {
        public var month: CalendarMonth
        public var counts: ActivityCounts
        public var kilometres: Double

        public init(month: CalendarMonth, counts: ActivityCounts, kilometres: Double) {
            self.month = month
            self.counts = counts
            self.kilometres = kilometres
        }
    }

    /// The months shown, the last one up to today.
    public var period: ActivityPeriod
    public var months: [Month]

    public init(period: ActivityPeriod, months: [Month]) {
        self.period = period
        self.months = months
    }

    /// The report page of `period`: `/planification/activite?du=…&au=…`.
    public static func reportPath(_ period: ActivityPeriod) -> String {
        PageRoutes.activityReport.path() + "?\(fromParameter)=\(period.from)&\(toParameter)=\(period.to)"
    }

    /// The report page's query parameters, first and last day (`YYYY-MM-DD`).
    public static let fromParameter = "du"
    public static let toParameter = "au"

    /// What `recent-activity.mustache` shows.
    struct Context {
        struct Row {
            var month: String
            var cells: [String]
        }

        var from, to: String
        var rows: [Row]
        var reportPath: String
        var formAction: String
        var fromParameter, toParameter: String
        var fromValue, toValue: String
    }

    var context: Context {
        let french = FrenchVocabulary.self
        return Context(
            from: french.date(period.from), to: french.date(period.to),
            rows: months.map { month in
                let c = month.counts
                return Context.Row(
                    month: french.monthHeading(month.month),
                    cells: [c.requests, c.bookings, c.done, c.noShow, c.notHeld, c.cancelled].map(french.number)
                        + [french.number(month.kilometres)])
            },
            reportPath: Self.reportPath(period), formAction: PageRoutes.activityReport.path(),
            fromParameter: Self.fromParameter, toParameter: Self.toParameter, fromValue: period.from.description,
            toValue: period.to.description)
    }
}
