import Foundation
import Hummingbird
import TelemedCore
import TelemedPages
import TelemedStore

/// The page of one specialist, `/specialistes/{id}`: today's and the week's sessions with the
/// video room, the past ones whose outcome is still to record, and the outcome buttons. A
/// specialist sees their own page, planners any.
struct SpecialistController: Sendable {
    let database: TelemedDatabase
    let store: any BookingStore
    let livePlan: LivePlan
    let outcomes: OutcomePosting
    let access: PageAccess
    let pages: PageServices

    func addRoutes(to routes: RouteTable) {
        routes.on(.get, PageRoutes.specialist.pattern, use: show)
        routes.on(.post, PageRoutes.specialistOutcome.pattern, use: outcome)
    }

    static let notices = ["issue": "Issue de la séance enregistrée."]

    @Sendable func show(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, id) = try await authorised(request, context)
        let scenario = try await livePlan.scenario()
        guard let specialist = scenario.specialists.first(where: { $0.id == id }) else {
            throw PageError.notFound("Aucun spécialiste ne porte ce code dans la région : vérifiez l’adresse.")
        }
        let now = database.clock.now()
        let today = max(database.clock.today(), scenario.horizon.start)
        let weekEnd = today.adding(days: 7 - today.weekday.isoNumber)
        let listed = UTCInterval(
            start: WallClock.paris.dayInterval(today.adding(days: -SpecialistPage.pendingDays)).start,
            end: WallClock.paris.dayInterval(weekEnd).end)
        let sites = Dictionary(scenario.sites.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let units = Dictionary(scenario.units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        let sessions = try store.bookings(ofSpecialist: id, startingIn: listed).map { booking in
            let request = try database.request(id: booking.requestId)
            return SpecialistPageModel.Session(
                bookingId: booking.id.rawValue, date: WallClock.paris.localDate(of: booking.start),
                start: WallClock.paris.localTime(of: booking.start), end: WallClock.paris.localTime(of: booking.end),
                residentReference: request?.patientRef ?? "—", specialty: request?.specialty ?? "generalPractice",
                mode: request?.mode ?? .live, siteName: sites[booking.siteId] ?? booking.siteId.rawValue,
                unitName: booking.host.unitId.map { units[$0] ?? $0.rawValue }, status: booking.status,
                outcomeReason: booking.outcomeReason, started: booking.start <= now)
        }
        let secret = try pages.feedLinks.secret(for: .specialist(id.rawValue), in: database)
        let model = SpecialistPageModel(
            specialistId: id.rawValue, name: specialist.name, today: today,
            // Only a web address is a link: a scenario's text never becomes a script URL.
            videoLink: specialist.videoLink.flatMap { $0.hasPrefix("https://") ? $0 : nil }, sessions: sessions,
            feedURL: "\(pages.baseURL(request))/feeds/\(secret).ics",
            protection: pages.protection(session: visitor.session),
            notice: request.uri.queryParameters.get("avis").flatMap { Self.notices[$0] })
        return HTMLResponse.make(SpecialistPage(model: model).render())
    }

    @Sendable func outcome(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, id) = try await authorised(request, context)
        let form = try await pages.form(request)
        try access.requireCSRF(form, session: visitor.session, name: OutcomeForms.formName)
        let bookingId = try context.parameters.require("booking")
        guard let session = try store.booking(Booking.ID(rawValue: bookingId)), session.specialistId == id else {
            throw PageError.notFound("Cette séance ne figure pas parmi les vôtres : rechargez la page.")
        }
        try await outcomes.record(session, try OutcomeInput(form), role: visitor.role, logger: context.logger)
        return HTMLResponse.redirect(to: PageRoutes.specialist.path(id.rawValue) + "?avis=issue")
    }

    private func authorised(
        _ request: Request, _ context: TelemedRequestContext
    ) async throws -> (PageAccess.Visitor, Specialist.ID) {
        let visitor = try await access.visitor(request)
        let id = try context.parameters.require("id")
        switch visitor.role {
        case .admin, .planner: break
        case .specialist(let own) where own == id: break
        default:
            throw PageError.forbidden(
                "Cette page est celle d’un autre praticien : votre code d’accès n’y donne pas accès.")
        }
        return (visitor, Specialist.ID(rawValue: id))
    }
}
