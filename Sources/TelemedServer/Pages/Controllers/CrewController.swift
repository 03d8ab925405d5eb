import Foundation
import Hummingbird
import TelemedCore
import TelemedPages
import TelemedStore

/// The crew page of one unit, `/unites/{id}`: today's and tomorrow's route from the store (the
/// same rows `GET /api/v1/units/{id}/route` reads), stop by stop with the consultations it hosts,
/// the map, and the route feed; once a stop's consultations have started, the crew tick the
/// residents seen (or mark the stop not held). A unit's crew see their own unit, planners any.
struct CrewController: Sendable {
    let database: TelemedDatabase
    let store: any BookingStore
    let livePlan: LivePlan
    let outcomes: OutcomePosting
    let access: PageAccess
    let pages: PageServices

    func addRoutes(to routes: RouteTable) {
        routes.on(.get, PageRoutes.unit.pattern, use: show)
        routes.on(.post, PageRoutes.unitStopOutcomes.pattern, use: recordStop)
    }

    /// Notices after a redirect, by the key in `?avis=`.
    static let notices = ["issues": "Issues des consultations de l’arrêt enregistrées."]

    @Sendable func show(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, id) = try await authorised(request, context)
        let scenario = try await livePlan.scenario()
        guard let unit = scenario.units.first(where: { $0.id == id }) else {
            throw PageError.notFound("Aucune unité ne porte ce code dans la région : vérifiez l’adresse.")
        }
        let today = max(database.clock.today(), scenario.horizon.start)
        let sites = Dictionary(scenario.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let now = database.clock.now()
        let days = try [today, today.adding(days: 1)].map { try day($0, unit: id, sites: sites, now: now) }
        let secret = try pages.feedLinks.secret(for: .unit(id.rawValue), in: database)
        var model = CrewPageModel(
            unitName: unit.name, depotName: unit.depot.name, depotLocation: unit.depot.location, days: days,
            feedURL: "\(pages.baseURL(request))/feeds/\(secret).ics", unitId: id.rawValue,
            protection: pages.protection(session: visitor.session))
        model.notice = request.uri.queryParameters.get("avis").flatMap { Self.notices[$0] }
        return HTMLResponse.make(CrewPage(model: model).render())
    }

    /// One stop's form: the ticked residents seen (done), the others absent; or the whole stop not
    /// held, with its reason. Only sessions that have started are recorded.
    @Sendable func recordStop(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, id) = try await authorised(request, context)
        let form = try await pages.form(request)
        try access.requireCSRF(form, session: visitor.session, name: CrewPage.stopFormName)
        guard let date = try? LocalDate(try context.parameters.require("date")),
            let order = Int(try context.parameters.require("stop")),
            let route = try store.route(UnitDayKey(unitId: id, date: date)),
            let visit = route.visits.first(where: { $0.order == order })
        else { throw PageError.notFound("Cet arrêt ne figure pas dans la tournée : rechargez la page.") }
        let input = try OutcomeInput(form)
        let seen = Set(form.values("seen"))
        let now = database.clock.now()
        let sessions = try hosted(at: visit, unit: id).filter {
            $0.start <= now && ($0.status == .confirmed || $0.status.isOutcome)
        }
        for session in sessions {
            var outcome = input
            if input.outcome != .notHeld { outcome.outcome = seen.contains(session.id.rawValue) ? .done : .noShow }
            try await outcomes.record(session, outcome, role: visitor.role, logger: context.logger)
        }
        return HTMLResponse.redirect(to: PageRoutes.unit.path(id.rawValue) + "?avis=issues#jour-\(date)")
    }

    private func authorised(
        _ request: Request, _ context: TelemedRequestContext
    ) async throws -> (PageAccess.Visitor, MobileUnit.ID) {
        let visitor = try await access.visitor(request)
        let id = MobileUnit.ID(rawValue: try context.parameters.require("id"))
        do {
            try visitor.role.requireUnit(id.rawValue)
        } catch {
            throw PageError.forbidden(
                "Cette page est celle d’une autre unité : votre code d’accès n’y donne pas accès.")
        }
        return (visitor, id)
    }

    /// The consultations a visit hosts (confirmed or past), by start.
    private func hosted(at visit: Visit, unit: MobileUnit.ID) throws -> [Booking] {
        try store.bookings(hostedBy: unit, on: visit.date).filter {
            $0.status.occupiesResources && $0.siteId == visit.siteId && $0.start >= visit.arrival
                && $0.start < visit.departure
        }
    }

    private func day(_ date: LocalDate, unit: MobileUnit.ID, sites: [Site.ID: Site], now: Date) throws
        -> CrewPageModel.Day
    {
        guard let route = try store.route(UnitDayKey(unitId: unit, date: date)) else {
            return CrewPageModel.Day(date: date, departure: nil, back: nil, stops: [])
        }
        let stops = try route.visits.sorted { $0.order < $1.order }.compactMap { visit -> CrewPageModel.Stop? in
            guard let site = sites[visit.siteId] else { return nil }
            let hosted = try hosted(at: visit, unit: unit)
            return CrewPageModel.Stop(
                siteName: site.name, address: site.address, commune: site.commune, location: site.location,
                arrival: WallClock.paris.localTime(of: visit.arrival),
                departure: WallClock.paris.localTime(of: visit.departure), consultations: hosted.count,
                order: visit.order, sessions: try hosted.map { try session($0, now: now) })
        }
        return CrewPageModel.Day(
            date: date, departure: WallClock.paris.localTime(of: route.day.leavesDepot),
            back: WallClock.paris.localTime(of: route.day.returnsDepot), stops: stops)
    }

    private func session(_ booking: Booking, now: Date) throws -> CrewPageModel.Session {
        let request = try database.request(id: booking.requestId)
        return CrewPageModel.Session(
            bookingId: booking.id.rawValue, start: WallClock.paris.localTime(of: booking.start),
            residentReference: request?.patientRef ?? "—", specialty: request?.specialty ?? "generalPractice",
            status: booking.status, outcomeReason: booking.outcomeReason, started: booking.start <= now)
    }
}
