import TelemedReports
import TelemedSolver

/// The planners' home: the plan in force in figures, the planning window and its nightly rolls,
/// the re-optimisation of the unconfirmed work
/// (its last outcome and a button to start one), and the form that starts a what-if.
public struct PlannerPage: Sendable {
    public var planName: String
    public var kpis: PlanKPIs
    public var whatIf: WhatIfForm
    public var whatIfAction: String
    public var protection: FormProtection
    /// Where the "Réoptimiser" button posts; nil: no re-optimisation section.
    public var reoptimiseAction: String?
    /// The last re-optimisation, if any.
    public var reoptimisation: ReoptimisationSummary?
    /// The rolling planning window and its last rolls; nil: no such section.
    public var window: PlanningWindowSummary?
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
            + "<ul class=\"kpis\">\(cards.joined())</ul></section>" + windowSection() + reoptimisationSection()
            + "<section aria-labelledby=\"simulation\"><h2 id=\"simulation\">Simuler un changement</h2>"
            + "<p>La variante est comparée au plan en vigueur ; seuls les champs du changement choisi comptent.</p>"
            + refused + form.render() + "</section>"
        return PageLayout(title: "Planification", main: main, signOut: signOutPath).render()
    }

    private func windowSection() -> String {
        guard let window else { return "" }
        return "<section aria-labelledby=\"fenetre\"><h2 id=\"fenetre\">Fenêtre de planification</h2>"
            + window.render() + "</section>"
    }

    private func reoptimisationSection() -> String {
        guard let reoptimiseAction else { return "" }
        let form = FormView(
            name: "reoptimisation", action: reoptimiseAction, protection: protection,
            submit: "Réoptimiser les séances proposées")
        return "<section aria-labelledby=\"reoptimisation\"><h2 id=\"reoptimisation\">Réoptimiser le plan</h2>"
            + "<p>Les séances proposées (non confirmées) sont replanifiées autour des séances confirmées, "
            + "qui ne bougent jamais, puis mises à jour avec les tournées ; ce qui a changé entre-temps, "
            + "ou est figé par l’heure limite des tournées, reste en l’état.</p>"
            + (reoptimisation?.render() ?? "") + form.render() + "</section>"
    }
}
