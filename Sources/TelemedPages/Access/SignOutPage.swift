/// Signing out: one button that posts (with its CSRF value) to end the session, so a link from
/// another site cannot sign anyone out, and a way back.
public struct SignOutPage: Sendable {
    public var protection: FormProtection
    public var back: String

    public init(protection: FormProtection, back: String = PageRoutes.home.path()) {
        self.protection = protection
        self.back = back
    }

    private struct Context {
        var frame: PageFrame
        var form: FormView
        var back: String
    }

    public func render() -> String {
        let form = FormView(
            name: "deconnexion", action: PageRoutes.signOut.path(), protection: protection, submit: "Se déconnecter")
        return PageTemplates.render(
            Context(frame: PageFrame(title: "Déconnexion"), form: form, back: back), "sign-out-page")
    }
}
