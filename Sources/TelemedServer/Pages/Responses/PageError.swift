import Hummingbird

/// Why a page refuses, each with its status and a French message telling the person what to do.
/// ``PageErrorMiddleware`` shows them as ``ErrorPage``s (or the login page for ``signedOut``).
enum PageError: Error, Equatable {
    /// No session, an expired one, or one whose code was revoked.
    case signedOut
    case forbidden(String)
    case notFound(String)
    /// A query or form the page cannot use (a date that is no date), with what to type instead.
    case badRequest(String)
    /// The form's CSRF value is missing or belongs to another session or form.
    case staleForm

    var status: HTTPResponse.Status {
        switch self {
        case .signedOut: .unauthorized
        case .forbidden, .staleForm: .forbidden
        case .notFound: .notFound
        case .badRequest: .badRequest
        }
    }

    var message: String {
        switch self {
        case .signedOut: "Votre session a pris fin : reconnectez-vous avec votre code d’accès."
        case .forbidden(let why), .notFound(let why), .badRequest(let why): why
        case .staleForm:
            "Ce formulaire a expiré ou ne vient pas de cette page : rechargez la page et recommencez. "
                + "Rien n’a été modifié."
        }
    }
}
