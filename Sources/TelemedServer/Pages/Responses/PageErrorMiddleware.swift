import Hummingbird
import TelemedPages
import TelemedStore

/// Turns what the page routes throw into French pages rather than the API's JSON problems: the
/// login page when signed out, an ``ErrorPage`` otherwise. Unexpected errors are a 500 page that
/// reveals nothing, their cause logged.
struct PageErrorMiddleware: RouterMiddleware {
    typealias Context = TelemedRequestContext
    let pages: PageServices

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch PageError.signedOut {
            let login = LoginPage(
                protection: pages.protection(session: PageServices.loginSession),
                error: PageError.signedOut.message, next: request.method == .get ? request.uri.path : nil)
            return HTMLResponse.make(login.render(), status: .unauthorized)
        } catch let error as PageError {
            return HTMLResponse.make(
                ErrorPage(status: Int(error.status.code), message: error.message).render(), status: error.status)
        } catch let error as APIError {
            return HTMLResponse.make(
                ErrorPage(status: Int(error.status.code), message: Self.french(error)).render(), status: error.status)
        } catch let error as StoreError {
            // The store's refusals (the same proposal booked twice, a booking changed meanwhile)
            // are the API's 404/409/400; anything else is the server's own failure.
            guard let refusal = APIError(error) else {
                context.logger.error("Store failure on a page", metadata: ["error": "\(error)"])
                return HTMLResponse.make(ErrorPage(status: 500).render(), status: .internalServerError)
            }
            return HTMLResponse.make(
                ErrorPage(status: Int(refusal.status.code), message: Self.french(refusal)).render(),
                status: refusal.status)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            return HTMLResponse.make(
                ErrorPage(status: 413, message: "Le formulaire envoyé est trop long ; raccourcissez les notes.")
                    .render(),
                status: .contentTooLarge)
        } catch let error as HTTPError where error.status.code < 500 {
            // The router's own refusals (a 405 with its `Allow`), as a page rather than a 500.
            var response = HTMLResponse.make(
                ErrorPage(status: Int(error.status.code)).render(), status: error.status)
            response.headers.append(contentsOf: error.headers)
            return response
        } catch {
            context.logger.error("Page failure", metadata: ["error": "\(String(reflecting: error))"])
            return HTMLResponse.make(ErrorPage(status: 500).render(), status: .internalServerError)
        }
    }

    /// The API's refusals say what to do in English, for developers; a page says it in French.
    static func french(_ error: APIError) -> String {
        switch error {
        case .forbidden:
            "Cette page ou cette séance appartient à un autre établissement : votre code n’y donne pas accès."
        case .notFound: "Cette séance ou cette proposition n’existe pas (ou plus) : rechargez la page."
        case .gone: "Cette proposition a expiré (15 minutes) : faites une nouvelle demande."
        case .conflict: "Ce créneau vient d’être pris ou modifié : rechargez la page et choisissez-en un autre."
        default: "La demande n’a pas pu être traitée : vérifiez le formulaire et recommencez."
        }
    }
}
