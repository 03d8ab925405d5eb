import Hummingbird
import TelemedPages

/// The French pages, kept apart from the JSON API: their own route group, errors as French HTML
/// pages (``PageErrorMiddleware``), a cookie session instead of bearer tokens.
struct PagesController: Sendable {
    static let loginPath = "/connexion"
    static let logoutPath = SignOutPage.defaultPath

    let services: ServerServices
    let pages: PageServices

    func addRoutes(to routes: RouteTable) {
        LoginController(services: services, pages: pages).addRoutes(to: routes)
        StaffController(services: services, pages: pages).addRoutes(to: routes)
        CrewController(services: services, pages: pages).addRoutes(to: routes)
        PlannerController(services: services, pages: pages).addRoutes(to: routes)
    }
}
