import TelemedSolver

/// The planners' home: the plan in force in figures, the planning window and its nightly rolls,
/// the last months' activity with the link to the activity report, the re-optimisation of the unconfirmed work
/// (its last outcome and a button to start one), the campaigns' progress and the form creating
/// one, and the form that starts a what-if.
public struct PlannerPage: Sendable {
    public var planName: String
    public var kpis: PlanKPIs
    public var whatIf: WhatIfForm
    public var protection: FormProtection
    /// Whether the page offers the "Réoptimiser" button and its section.
    public var offersReoptimisation = false
    /// The last re-optimisation, if any.
    public var reoptimisation: ReoptimisationSummary?
    /// The rolling planning window and its last rolls; nil: no such section.
    public var window: PlanningWindowSummary?
    /// The last months' activity and the link to the activity report; nil: no such section.
    public var recentActivity: RecentActivity?
    /// The campaigns' progress; nil: the section shows the form only.
    public var campaigns: CampaignProgressSection?
    /// The form creating a campaign; nil: no such section.
    public var campaignForm: CampaignForm?
    /// The sign-out page the header links to ("Se déconnecter"); nil for none.
    public var signOutPath: String? = PageRoutes.signOut.path()

    public init(
        planName: String, kpis: PlanKPIs, whatIf: WhatIfForm, protection: FormProtection
    ) {
        self.planName = planName
        self.kpis = kpis
        self.whatIf = whatIf
        self.protection = protection
    }

    /// What `planner-page.mustache` shows; optional names are absent from the enclosing contexts.
    private struct Context {
        struct Card {
            var label: String
            var value: String
        }

        struct Reoptimisation {
            var summary: ReoptimisationSummary.Sentence?
            var form: FormView
        }

        var frame: PageFrame
        var planName: String
        var cards: [Card]
        var window: PlanningWindowSummary.Context?
        var activity: RecentActivity.Context?
        var reoptimisation: Reoptimisation?
        var whatIfRefused: Bool
        var whatIfForm: FormView
        var campaigns: CampaignProgressSection.Context?
        var campaignRefused: Bool
        var campaignForm: FormView?
    }

    public func render() -> String {
        let context = Context(
            frame: PageFrame(title: "Planification", signOut: signOutPath), planName: planName,
            cards: PlanKPIRows.all.map { Context.Card(label: $0.label, value: $0.value(kpis)) },
            window: window?.context, activity: recentActivity?.context,
            reoptimisation: offersReoptimisation
                ? Context.Reoptimisation(
                    summary: reoptimisation?.sentence,
                    form: FormView(
                        name: "reoptimisation", action: PageRoutes.reoptimisations.path(), protection: protection,
                        submit: "Réoptimiser les séances proposées")) : nil,
            whatIfRefused: !whatIf.errors.isEmpty,
            whatIfForm: FormView(
                name: "simulation", action: PageRoutes.simulations.path(), protection: protection,
                groups: whatIf.groups(),
                submit: "Lancer la simulation"),
            campaigns: campaigns?.context, campaignRefused: !(campaignForm?.errors.isEmpty ?? true),
            campaignForm: campaignForm.map {
                FormView(
                    name: "campagne", action: PageRoutes.campaigns.path(), protection: protection, groups: $0.groups(),
                    submit: "Créer et planifier la campagne")
            })
        return PageTemplates.render(context, "planner-page")
    }
}
