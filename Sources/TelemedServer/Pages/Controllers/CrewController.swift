import Foundation
import Hummingbird
import TelemedCore
import TelemedPages
import TelemedStore

/// The crew page of one unit, `/unites/{id}`: today's and tomorrow's route from the store (the
/// same rows `GET /api/v1/units/{id}/route` reads), stop by stop with the consultations it hosts,
/// the map, and the route feed. Read only; a unit's crew see their own unit, planners any.
struct CrewController: Sendable {
    let database: TelemedDatabase
    let store: any BookingStore
    let livePlan: LivePlan
    let access: PageAccess
    let pages: PageServices

    func addRoutes(to routes: RouteTable) {
        routes.on(.get, PageRoutes.unit.pattern, use: show)
    }

    @Sendable func show(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let visitor = try await access.visitor(request)
        let id = MobileUnit.ID(rawValue: try context.parameters.require("id"))
        do {
            try visitor.role.requireUnit(id.rawValue)
        } catch {
            throw PageError.forbidden(
                "Cette page est celle d’une autre unité : votre code d’accès n’y donne pas accès.")
        }
        let scenario = try await livePlan.scenario()
        guard let unit = scenario.units.first(where: { $0.id == id }) else {
            throw PageError.notFound("Aucune unité ne porte ce code dans la région : vérifiez l’adresse.")
        }
        let today = max(database.clock.today(), scenario.horizon.start)
        let sites = Dictionary(scenario.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let days = try [today, today.adding(days: 1)].map { try day($0, unit: id, sites: sites) }
        let secret = try pages.feedLinks.secret(for: .unit(id.rawValue), in: database)
        let model = CrewPageModel(
            unitName: unit.name, depotName: unit.depot.name, depotLocation: unit.depot.location, days: days,
            feedURL: "\(pages.baseURL(request))/feeds/\(secret).ics")
        return HTMLResponse.make(CrewPage(model: model).render())
    }

    private func day(_ date: LocalDate, unit: MobileUnit.ID, sites: [Site.ID: Site]) throws -> CrewPageModel.Day {
        guard let route = try store.route(UnitDayKey(unitId: unit, date: date)) else {
            return CrewPageModel.Day(date: date, departure: nil, back: nil, stops: [])
        }
        let hosted = try store.bookings(hostedBy: unit, on: date).filter { $0.status.occupiesResources }
        let stops = route.visits.sorted { $0.order < $1.order }.compactMap { visit -> CrewPageModel.Stop? in
            guard let site = sites[visit.siteId] else { return nil }
            let consultations = hosted.filter {
                $0.siteId == visit.siteId && $0.start >= visit.arrival && $0.start < visit.departure
            }.count
            return CrewPageModel.Stop(
                siteName: site.name, address: site.address, commune: site.commune, location: site.location,
                arrival: WallClock.paris.localTime(of: visit.arrival),
                departure: WallClock.paris.localTime(of: visit.departure), consultations: consultations)
        }
        return CrewPageModel.Day(
            date: date, departure: WallClock.paris.localTime(of: route.day.leavesDepot),
            back: WallClock.paris.localTime(of: route.day.returnsDepot), stops: stops)
    }
}
