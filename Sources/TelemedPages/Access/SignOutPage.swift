import TelemedReports

/// Signing out: one button that posts (with its CSRF value) to end the session, so a link from
/// another site cannot sign anyone out, and a way back.
public struct SignOutPage: Sendable {
    /// Where the sign-out page is served, and where every signed-in page links to it by default.
    public static let defaultPath = "/deconnexion"

    public var action: String
    public var protection: FormProtection
    public var back: String

    public init(action: String = SignOutPage.defaultPath, protection: FormProtection, back: String = "/") {
        self.action = action
        self.protection = protection
        self.back = back
    }

    public func render() -> String {
        let form = FormView(name: "deconnexion", action: action, protection: protection, submit: "Se déconnecter")
        return PageLayout(
            title: "Déconnexion",
            main: "<p>Sur un poste partagé, déconnectez-vous en partant : la prochaine personne devra saisir son "
                + "propre code d’accès.</p>\(form.render())"
                + "<p><a href=\"\(HTML.escape(back))\">Revenir sans se déconnecter</a></p>"
        ).render()
    }
}
