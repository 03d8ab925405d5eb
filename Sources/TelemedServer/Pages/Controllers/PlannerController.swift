import Foundation
import Hummingbird
import TelemedCore
import TelemedPages
import TelemedSolver
import TelemedStore

/// The planners' pages: `/planification` (the plan in force in figures, the planning window, the
/// last three months' activity, the last re-optimisation and its button, the what-if form), `POST /planification/reoptimisations` (a `reoptimise` run,
/// as `POST /api/v1/plans`; 303 back to the home, which shows it running, then what it changed),
/// `POST /planification/simulations` (the same background run as `POST /api/v1/plans`, through
/// ``PlanRunner``), and `/planification/simulations/{id}`: a progress page refreshing itself while
/// the run works, then the comparison with the plan in force (charts and maps).
struct PlannerController: Sendable {
    let database: TelemedDatabase
    let plans: PlanRunner
    /// A run's time limit, to estimate its progress.
    let planTimeLimit: Duration
    let access: PageAccess
    let pages: PageServices
    let campaigns: CampaignCreation

    func addRoutes(to routes: RouteTable) {
        routes.on(.get, PageRoutes.planner.pattern, use: show)
        routes.on(.post, PageRoutes.simulations.pattern, use: start)
        routes.on(.post, PageRoutes.reoptimisations.pattern, use: reoptimise)
        routes.on(.post, PageRoutes.campaigns.pattern, use: createCampaign)
        routes.on(.get, PageRoutes.simulation.pattern, use: progress)
    }

    @Sendable func show(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let visitor = try await access.planner(request)
        let schedule = try database.schedule()
        return HTMLResponse.make(
            try page(schedule, form: Self.choices(schedule.scenario), session: visitor.session).render())
    }

    /// A campaign from the page: checked in French, then as `POST /api/v1/campaigns` checks it;
    /// stored, a re-optimisation plans it and the planner is sent back home to watch it run.
    @Sendable func createCampaign(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let visitor = try await access.planner(request)
        let form = try await pages.form(request)
        try access.requireCSRF(form, session: visitor.session, name: "campagne")
        let schedule = try database.schedule()
        let input = CampaignInput(form, choices: Self.campaignChoices(schedule.scenario))
        let refused: CampaignForm
        switch input.read(today: WallClock.paris.localDate(of: database.clock.now())) {
        case .failure(let errors):
            refused = input.refused(errors.messages)
        case .success(let body):
            do {
                let (campaign, run) = try await campaigns.create(
                    body, in: schedule.scenario, actor: visitor.role.description)
                context.logger.info(
                    "Campaign created from the planner page",
                    metadata: ["campaign": "\(campaign.id)", "plan": "\(run.id)"])
                return HTMLResponse.redirect(to: PageRoutes.planner.path() + "#campagnes")
            } catch let error as APIError {
                let path = error.field ?? ""
                refused = input.refused([
                    CampaignInput.field(ofPath: path): "La région refuse cette campagne : \(error.detail)"
                ])
            }
        }
        var page = try page(schedule, form: Self.choices(schedule.scenario), session: visitor.session)
        page.campaignForm = refused
        return HTMLResponse.make(page.render(), status: .badRequest)
    }

    @Sendable func start(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let visitor = try await access.planner(request)
        let form = try await pages.form(request)
        try access.requireCSRF(form, session: visitor.session, name: "simulation")
        let schedule = try database.schedule()
        let input = WhatIfInput(form, choices: Self.choices(schedule.scenario))
        switch input.read(scenario: schedule.scenario, catalog: try Self.catalog(schedule.scenario)) {
        case .refused(let refused):
            return HTMLResponse.make(
                try page(schedule, form: refused, session: visitor.session).render(), status: .badRequest)
        case .accepted(let submission):
            // The run takes the server's time limit (`--plan-seconds`), as API runs do; the form's
            // own limit is checked but not used.
            let (name, change) = (submission.variantName, submission.change)
            let body = PlanRequestBody(kind: .whatif, changes: [change])
            do {
                let scenario = try PlanRunner.scenario(
                    for: body,
                    base: PlanRunner.base(of: schedule.scenario, waiting: schedule.waiting, at: database.clock.now()))
                let run = try await plans.start(body, actor: visitor.role.description)
                try await pages.whatIfs.add(
                    WhatIfRun(planRunId: run.id, name: name, startedAt: database.clock.now(), scenario: scenario),
                    in: database)
                context.logger.info("What-if started from the planner page", metadata: ["plan": "\(run.id)"])
                return HTMLResponse.redirect(to: PageRoutes.simulation.path(run.id))
            } catch let error as APIError {
                var refused = input.typed
                refused.errors[.change] = "Ce changement ne s’applique pas à la région (\(error.detail))."
                return HTMLResponse.make(
                    try page(schedule, form: refused, session: visitor.session).render(), status: .badRequest)
            }
        }
    }

    @Sendable func reoptimise(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let visitor = try await access.planner(request)
        let form = try await pages.form(request)
        try access.requireCSRF(form, session: visitor.session, name: "reoptimisation")
        let run = try await plans.start(PlanRequestBody(kind: .reoptimise), actor: visitor.role.description)
        context.logger.info("Re-optimisation started from the planner page", metadata: ["plan": "\(run.id)"])
        return HTMLResponse.redirect(to: PageRoutes.planner.path())
    }

    @Sendable func progress(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        _ = try await access.planner(request)
        let id = try context.parameters.require("id")
        guard let run = try database.planRun(id: id),
            let entry = try await pages.whatIfs.entry(id, in: database)
        else {
            throw PageError.notFound(
                "Cette simulation est inconnue : vérifiez l’adresse, ou relancez-la depuis la page de planification.")
        }
        switch run.status {
        case .running:
            let limit = planTimeLimit.timeInterval
            let done = limit > 0 ? min(0.99, database.clock.now().timeIntervalSince(entry.startedAt) / limit) : 0.5
            let page = WhatIfRunningPage(
                studyName: entry.name, variants: [.init(name: entry.name, progress: done)], refreshSeconds: 2)
            return HTMLResponse.make(page.render())
        case .failed:
            throw PageError.notFound("La simulation a échoué (voir le journal du service) : relancez-la.")
        case .finished:
            guard let plan = run.plan else {
                throw PageError.notFound("Cette simulation n’a pas de plan : relancez-la.")
            }
            let schedule = try database.schedule()
            let catalog = try Self.catalog(schedule.scenario)
            let page = PlanComparisonPage(
                title: "Plan en vigueur et « \(entry.name) »",
                plans: [
                    ComparedPlan(
                        name: "Plan en vigueur", scenario: schedule.scenario, plan: schedule.plan, catalog: catalog,
                        travel: schedule.travel),
                    ComparedPlan(
                        name: entry.name, scenario: entry.scenario, plan: plan, catalog: catalog,
                        travel: schedule.travel),
                ])
            return HTMLResponse.make(page.render())
        }
    }

    private func page(_ schedule: StoredSchedule, form: WhatIfForm, session: String) throws -> PlannerPage {
        var page = PlannerPage(
            planName: schedule.scenario.name, kpis: PlanKPIs(scenario: schedule.scenario, plan: schedule.plan),
            whatIf: form, protection: pages.protection(session: session))
        page.offersReoptimisation = true
        let last = try database.planRuns(limit: 100).first { $0.kind == PlanKind.reoptimise.rawValue }
        page.reoptimisation = last.map(Self.summary)
        let window = try database.planningWindow()
        page.recentActivity = try ActivityReportController.recentActivity(database)
        page.campaigns = CampaignProgressSection(
            campaigns: try database.campaignProgress(),
            siteLabels: Dictionary(
                schedule.scenario.sites.map { ($0.id, "\($0.name) (\($0.commune))") }, uniquingKeysWith: { a, _ in a }))
        page.campaignForm = Self.campaignChoices(schedule.scenario)
        page.window = PlanningWindowSummary(
            today: window.today, end: window.end, weeks: window.weeks,
            rolls: try database.recentRolls(limit: 7).map {
                .init(
                    date: $0.date, placed: $0.placed, repaired: $0.repaired, overdue: $0.openOverdue,
                    unplaced: $0.unplaced)
            })
        return page
    }

    /// A re-optimisation run as the planner page tells it.
    static func summary(_ run: PlanRun) -> ReoptimisationSummary {
        switch (run.status, run.applied) {
        case (.running, _): return ReoptimisationSummary(startedAt: run.createdAt, state: .running)
        case (.finished, let applied?):
            return ReoptimisationSummary(
                startedAt: run.createdAt,
                state: .applied(
                    .init(
                        rescheduled: applied.rescheduled, cancelled: applied.cancelled, added: applied.added,
                        unchanged: applied.unchanged, skipped: applied.skipped, routesReplaced: applied.routesReplaced))
            )
        case (.failed, _), (.finished, nil): return ReoptimisationSummary(startedAt: run.createdAt, state: .failed)
        }
    }

    /// The shipped communes of the regions the scenario's sites lie in, for the departments'
    /// figures and the depot commune of a what-if.
    static func catalog(_ scenario: Scenario) throws -> CommuneCatalog {
        try CommuneCatalog.shipped(for: scenario)
    }

    /// The empty campaign form: the region's sites, the specialties its specialists practise and
    /// the equipment its sites and units have.
    static func campaignChoices(_ scenario: Scenario) -> CampaignForm {
        CampaignForm(
            sites: scenario.sites.map { .init(id: $0.id.rawValue, label: "\($0.name) (\($0.commune))") },
            specialties: Set(scenario.specialists.flatMap(\.specialties)).sorted(),
            equipment: Set(scenario.sites.flatMap(\.equipment) + scenario.units.flatMap(\.equipment)).sorted())
    }

    static func choices(_ scenario: Scenario) -> WhatIfForm {
        WhatIfForm(
            units: scenario.units.map { .init(id: $0.id.rawValue, label: "\($0.name) (\($0.depot.name))") },
            specialists: scenario.specialists.map {
                .init(
                    id: $0.id.rawValue,
                    label: "\($0.name) · " + $0.specialties.map(FrenchVocabulary.specialty).joined(separator: ", "))
            },
            sites: scenario.sites.map { .init(id: $0.id.rawValue, label: "\($0.name) (\($0.commune))") },
            specialties: Set(scenario.specialists.flatMap(\.specialties)).sorted(),
            departments: Set(scenario.sites.map(\.departmentCode)).sorted().map { .init(id: $0, label: $0) })
    }
}
