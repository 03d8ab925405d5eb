/// A page for a refused or failed request: the status, a plain French explanation, and a way back.
/// It never repeats the path asked for (feed secrets live in URLs).
public struct ErrorPage: Sendable {
    public var status: Int
    public var message: String
    public var back: String

    public init(status: Int, message: String? = nil, back: String = PageRoutes.home.path()) {
        self.status = status
        self.message = message ?? Self.defaultMessage(status)
        self.back = back
    }

    public var title: String {
        switch status {
        case 400: "Demande incorrecte"
        case 401: "Connexion nécessaire"
        case 403: "Accès refusé"
        case 404: "Page introuvable"
        case 409: "Conflit"
        default: status >= 500 ? "Erreur du service" : "Erreur"
        }
    }

    static func defaultMessage(_ status: Int) -> String {
        switch status {
        case 401: "Connectez-vous avec le code d’accès de votre établissement."
        case 403: "Cette page appartient à un autre établissement ou à une autre équipe."
        case 404: "Cette adresse ne correspond à aucune page."
        case 409: "Ce créneau vient d’être pris ou modifié : rechargez la page pour voir l’état actuel."
        default:
            status >= 500
                ? "Le service n’a pas pu répondre. Réessayez dans un instant ; rien n’a été modifié."
                : "La demande n’a pas pu être traitée."
        }
    }

    private struct Context {
        var frame: PageFrame
        var message: String
        var status: Int
        var back: String
    }

    public func render() -> String {
        PageTemplates.render(
            Context(frame: PageFrame(title: title), message: message, status: status, back: back), "error-page")
    }
}
