import Foundation
import Hummingbird
import TelemedCore
import TelemedStore

/// What a site and a unit have booked: `GET /sites/{id}/bookings` and `GET /units/{id}/route`,
/// the live truth that feeds only follow.
struct ScheduleController: Sendable {
    let database: TelemedDatabase
    let store: any BookingStore

    /// Longest window one `GET /sites/{id}/bookings` covers.
    static let maxDays = 366

    func addRoutes(to routes: RouteTable) {
        routes.on(.get, "sites/{id}/bookings", use: siteBookings)
        routes.on(.get, "units/{id}/route", use: unitRoute)
    }

    @Sendable func siteBookings(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let id = Site.ID(rawValue: try context.parameters.require("id"))
        try context.requireRole().requireSite(id.rawValue)
        guard try database.contains(site: id) else { throw APIError.notFound("There is no site \(id).") }
        let query = request.uri.queryParameters
        let from = try Self.date(query.get("from"), name: "from") ?? database.clock.today()
        let to = try Self.date(query.get("to"), name: "to") ?? from.adding(days: 27)
        guard from <= to, from.days(to: to) < Self.maxDays else {
            throw APIError.badRequest("from must not be after to, and the window is at most \(Self.maxDays) days.")
        }
        let interval = UTCInterval(
            start: WallClock.paris.dayInterval(from).start, end: WallClock.paris.dayInterval(to).end)
        let bookings = try store.bookings(atSite: id, startingIn: interval)
        return try JSONResponse.make(SiteBookingsView(siteId: id, from: from, to: to, bookings: bookings))
    }

    @Sendable func unitRoute(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let id = MobileUnit.ID(rawValue: try context.parameters.require("id"))
        try context.requireRole().requireUnit(id.rawValue)
        guard try database.contains(unit: id) else { throw APIError.notFound("There is no unit \(id).") }
        guard let date = try Self.date(request.uri.queryParameters.get("date"), name: "date") else {
            throw APIError.badRequest("date is required, as YYYY-MM-DD.")
        }
        let route = try store.route(UnitDayKey(unitId: id, date: date))
        let bookings = try store.bookings(hostedBy: id, on: date)
        return try JSONResponse.make(
            UnitRouteView(unitId: id, date: date, day: route?.day, visits: route?.visits ?? [], bookings: bookings))
    }

    /// A `YYYY-MM-DD` query parameter; nil when absent, 400 when malformed.
    static func date(_ text: String?, name: String) throws -> LocalDate? {
        guard let text else { return nil }
        do {
            return try LocalDate(text)
        } catch {
            throw APIError.badRequest("\(name) must be a date as YYYY-MM-DD, not \"\(text.prefix(40))\".")
        }
    }
}
