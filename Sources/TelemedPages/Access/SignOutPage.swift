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

    private struct Context {
        var frame: PageFrame
        var form: FormView
        var back: String
    }

    public func render() -> String {
        let form = FormView(name: "deconnexion", action: action, protection: protection, submit: "Se déconnecter")
        return PageTemplates.render(
            Context(frame: PageFrame(title: "Déconnexion"), form: form, back: back), "sign-out-page")
    }
}
