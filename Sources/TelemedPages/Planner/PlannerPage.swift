import TelemedReports
import TelemedSolver

/// The planners' home: the plan in force in figures, and the form that starts a what-if.
public struct PlannerPage: Sendable {
    public var planName: String
    public var kpis: PlanKPIs
    public var whatIf: WhatIfForm
    public var whatIfAction: String
    public var protection: FormProtection
    /// The sign-out page the header links to ("Se déconnecter"); nil for none.
    public var signOutPath: String? = SignOutPage.defaultPath

    public init(
        planName: String, kpis: PlanKPIs, whatIf: WhatIfForm, whatIfAction: String = "/planning/whatif",
        protection: FormProtection
    ) {
        self.planName = planName
        self.kpis = kpis
        self.whatIf = whatIf
        self.whatIfAction = whatIfAction
        self.protection = protection
    }

    public func render() -> String {
        let cards = PlanKPIRows.all.map { "<li>\($0.label)<strong>\($0.value(kpis))</strong></li>" }
        let refused =
            whatIf.errors.isEmpty
            ? "" : "<p class=\"alert\" role=\"alert\">La simulation n’a pas démarré : corrigez les champs signalés.</p>"
        let form = FormView(
            name: "simulation", action: whatIfAction, protection: protection, content: whatIf.content(),
            submit: "Lancer la simulation")
        let main =
            "<section aria-labelledby=\"plan\"><h2 id=\"plan\">Plan en vigueur : \(HTML.escape(planName))</h2>"
            + "<ul class=\"kpis\">\(cards.joined())</ul></section>"
            + "<section aria-labelledby=\"simulation\"><h2 id=\"simulation\">Simuler un changement</h2>"
            + "<p>La variante est comparée au plan en vigueur ; seuls les champs du changement choisi comptent.</p>"
            + refused + form.render() + "</section>"
        return PageLayout(title: "Planification", main: main, signOut: signOutPath).render()
    }
}
