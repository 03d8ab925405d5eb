import Hummingbird

/// Why a page refuses, each with its status and a French message telling the person what to do.
/// ``PageErrorMiddleware`` shows them as ``ErrorPage``s (or the login page for ``signedOut``).
enum PageError: Error, Equatable {
    /// No session, an expired one, or one whose code was revoked.
    case signedOut
    case forbidden(String)
    case notFound(String)
    /// The form's CSRF value is missing or belongs to another session or form.
    case staleForm
    /// A form or query the page cannot use (a hand-made post, a report period that is no period),
    /// with what to send instead.
    case invalidForm(String)
    /// The action does not fit the state it found (a session not started yet, already cancelled).
    case conflict(String)

    var status: HTTPResponse.Status {
        switch self {
        case .signedOut: .unauthorized
        case .forbidden, .staleForm: .forbidden
        case .notFound: .notFound
        case .invalidForm: .badRequest
        case .conflict: .conflict
        }
    }

    var message: String {
        switch self {
        case .signedOut: "Votre session a pris fin : reconnectez-vous avec votre code d’accès."
        case .forbidden(let why), .notFound(let why), .invalidForm(let why), .conflict(let why): why
        case .staleForm:
            "Ce formulaire a expiré ou ne vient pas de cette page : rechargez la page et recommencez. "
                + "Rien n’a été modifié."
        }
    }
}
