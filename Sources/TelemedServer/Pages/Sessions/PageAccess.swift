import Hummingbird
import TelemedPages
import TelemedStore

/// Who is at the browser, for the page routes: the session from the cookie, its role looked up
/// again, and the CSRF check every POST passes before it changes anything.
struct PageAccess: Sendable {
    let database: TelemedDatabase
    let pages: PageServices

    struct Visitor {
        var session: String
        var role: AccessRole
    }

    /// The signed-in visitor, or ``PageError/signedOut``.
    func visitor(_ request: Request) async throws -> Visitor {
        guard let id = SessionCookie.sessionId(in: request),
            let role = try pages.sessions.role(of: id)
        else { throw PageError.signedOut }
        return Visitor(session: id, role: role)
    }

    /// Refuses with a French 403 unless the visitor may see and act for `siteId` (their own site;
    /// planners and admins any).
    func requireSite(_ visitor: Visitor, _ siteId: String) throws {
        do {
            try visitor.role.requireSite(siteId)
        } catch {
            throw PageError.forbidden(
                "Cette page est celle d’un autre établissement : votre code d’accès ne donne accès qu’au vôtre.")
        }
    }

    /// The signed-in visitor if a planner or an admin, else a French 403: the planners' pages show
    /// every site's figures.
    func planner(_ request: Request) async throws -> Visitor {
        let visitor = try await visitor(request)
        guard visitor.role.isPlanning else {
            throw PageError.forbidden(
                "Ces pages sont celles de l’équipe de planification : votre code n’y donne pas accès.")
        }
        return visitor
    }

    /// Refuses with 403 unless `form` carries this session's value for the form named `name`.
    func requireCSRF(_ form: HTMLForm, session: String, name: String) throws {
        guard pages.csrf.isValid(form["csrf"], session: session, form: name) else { throw PageError.staleForm }
    }

    /// Where each role lands after signing in.
    static func home(of role: AccessRole) -> String? {
        switch role {
        case .site(let id): PageRoutes.site.path(id)
        case .unit(let id): PageRoutes.unit.path(id)
        case .admin, .planner: PageRoutes.planner.path()
        case .specialist(let id): PageRoutes.specialist.path(id)
        }
    }
}
