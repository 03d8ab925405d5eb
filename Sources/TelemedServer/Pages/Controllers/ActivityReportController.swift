import Foundation
import Hummingbird
import TelemedCore
import TelemedPages
import TelemedReports
import TelemedStore

/// `GET /planification/activite?du=YYYY-MM-DD&au=YYYY-MM-DD`: the activity report of a period
/// (the very `activity.html` that `telemed report activity` writes), for planners and admins only,
/// since it shows every site; without dates, the last three months. "Today" is the server's clock.
struct ActivityReportController: Sendable {
    let database: TelemedDatabase
    let access: PageAccess

    /// How many months the planner page shows, the current one included.
    static let recentMonths = 3

    func addRoutes(to routes: RouteTable) {
        routes.on(.get, PageRoutes.activityReport.pattern, use: show)
    }

    @Sendable func show(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        _ = try await access.planner(request)
        let today = Self.today(database)
        let query = request.uri.queryParameters
        let period = try Self.period(
            from: query.get(RecentActivity.fromParameter), to: query.get(RecentActivity.toParameter), today: today)
        return HTMLResponse.make(ActivityReportPage(report: try Self.report(database, period, today: today)).render())
    }

    /// The planner page's section: the last ``recentMonths`` months up to the clock's today.
    static func recentActivity(_ database: TelemedDatabase) throws -> RecentActivity {
        let today = today(database)
        let period = ActivityPeriod.lastMonths(recentMonths, endingOn: today)
        let report = try report(database, period, today: today)
        return RecentActivity(
            period: period,
            months: report.months.map {
                RecentActivity.Month(month: $0.month, counts: $0.counts, kilometres: $0.units.kilometres)
            })
    }

    static func report(_ database: TelemedDatabase, _ period: ActivityPeriod, today: LocalDate) throws
        -> ActivityReport
    {
        ActivityReport(
            figures: try database.activityFigures(in: period, asOf: today), asOf: today,
            departments: try CommuneCatalog.shippedDepartments())
    }

    static func today(_ database: TelemedDatabase) -> LocalDate {
        WallClock.paris.localDate(of: database.clock.now())
    }

    /// Both dates, or neither (the last three months); anything else is a French 400.
    static func period(from: String?, to: String?, today: LocalDate) throws -> ActivityPeriod {
        guard from != nil || to != nil else { return ActivityPeriod.lastMonths(recentMonths, endingOn: today) }
        guard let from = from.flatMap({ try? LocalDate($0) }), let to = to.flatMap({ try? LocalDate($0) }) else {
            throw PageError.invalidForm(
                "Période illisible : donnez le premier et le dernier jour, au format AAAA-MM-JJ (par exemple "
                    + "2027-01-01 et 2027-03-31).")
        }
        do {
            return try ActivityPeriod(from: from, to: to)
        } catch .reversed {
            throw PageError.invalidForm(
                "Le premier jour (\(FrenchVocabulary.date(from))) vient après le dernier "
                    + "(\(FrenchVocabulary.date(to))) : inversez les deux dates.")
        } catch .tooLong {
            throw PageError.invalidForm(
                "La période dépasse dix ans : choisissez au plus \(ActivityPeriod.maximumDays) jours à la fois.")
        }
    }
}
