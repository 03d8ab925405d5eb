import Foundation
import Hummingbird
import TelemedPages
import TelemedStore

/// `GET /` (the login page, or the visitor's own page when signed in), `POST /connexion` (an
/// access code opens a session: cookie, then 303 to the role's page), and `GET | POST
/// /deconnexion` (the sign-out button, then the session ended and the cookie cleared).
struct LoginController: Sendable {
    let database: TelemedDatabase
    let access: PageAccess
    let pages: PageServices

    func addRoutes(to routes: RouteTable) {
        routes.on(.get, PageRoutes.home.pattern, use: show)
        routes.on(.post, PageRoutes.signIn.pattern, use: signIn)
        routes.on(.get, PageRoutes.signOut.pattern, use: confirmSignOut)
        routes.on(.post, PageRoutes.signOut.pattern, use: signOut)
    }

    @Sendable func show(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        if let visitor = try? await access.visitor(request), let home = PageAccess.home(of: visitor.role) {
            return HTMLResponse.redirect(to: home)
        }
        return HTMLResponse.make(loginPage(error: nil, next: nil).render())
    }

    @Sendable func signIn(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let form = try await pages.form(request)
        try access.requireCSRF(form, session: PageServices.loginSession, name: "connexion")
        let next = Self.safeNext(form["next"])
        let code = form["token"].trimmingCharacters(in: .whitespacesAndNewlines)
        guard !code.isEmpty, let role = try database.role(forToken: code) else {
            return HTMLResponse.make(
                loginPage(
                    error: "Ce code d’accès n’est pas reconnu ou a été retiré : vérifiez-le, ou demandez-en un nouveau "
                        + "à l’équipe de planification.", next: next
                ).render(), status: .unauthorized)
        }
        guard let home = PageAccess.home(of: role) else {
            throw PageError.forbidden(
                "Les spécialistes n’ont pas de page ici : leurs séances arrivent dans leur calendrier (lien d’abonnement)."
            )
        }
        let session = try pages.sessions.open(token: code)
        context.logger.info("Page session opened", metadata: ["role": "\(role)"])
        return HTMLResponse.redirect(
            to: next ?? home, cookie: SessionCookie.opening(session, secure: pages.secureCookies))
    }

    @Sendable func confirmSignOut(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let visitor = try await access.visitor(request)
        let page = SignOutPage(
            protection: pages.protection(session: visitor.session),
            back: PageAccess.home(of: visitor.role) ?? PageRoutes.home.path())
        return HTMLResponse.make(page.render())
    }

    @Sendable func signOut(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let visitor = try await access.visitor(request)
        let form = try await pages.form(request)
        try access.requireCSRF(form, session: visitor.session, name: "deconnexion")
        try pages.sessions.close(visitor.session)
        return HTMLResponse.redirect(
            to: PageRoutes.home.path(), cookie: SessionCookie.closing(secure: pages.secureCookies))
    }

    private func loginPage(error: String?, next: String?) -> LoginPage {
        LoginPage(
            protection: pages.protection(session: PageServices.loginSession),
            error: error, next: next)
    }

    /// Only a path on this server (`/sites/…`), never `//host` or a full URL: an open redirect
    /// would let a link send people signing in to a look-alike site.
    static func safeNext(_ next: String) -> String? {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\"), !next.contains("://") else {
            return nil
        }
        return next
    }
}
