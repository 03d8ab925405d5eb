/// Sign-in with the access code a site, unit or planner was given; the server keeps the session
/// in a secure cookie. A refused code comes back with the reason beside the field (never the code).
public struct LoginPage: Sendable {
    public var protection: FormProtection
    public var error: String?
    /// Where to go after signing in, posted back as is.
    public var next: String?

    public init(protection: FormProtection, error: String? = nil, next: String? = nil) {
        self.protection = protection
        self.error = error
        self.next = next
    }

    private struct Context {
        var frame: PageFrame
        var form: FormView
    }

    public func render() -> String {
        let field = FormField(
            name: "token", label: "Code d’accès", control: .password,
            hint: "Le code remis à votre établissement, à votre unité ou à votre équipe de planification.",
            error: error, required: true)
        let form = FormView(
            name: "connexion", action: PageRoutes.signIn.path(), protection: protection,
            hidden: next.map { [("next", $0)] } ?? [],
            groups: [.init(fields: [field])], submit: "Se connecter")
        return PageTemplates.render(Context(frame: PageFrame(title: "Connexion"), form: form), "login-page")
    }
}
