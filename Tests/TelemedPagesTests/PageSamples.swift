import Crypto
import Foundation
import TelemedCore
import TelemedPages
import TelemedReports
import TelemedSolver
import TelemedTestSupport

/// One realistic model of every page, each rendered to text. The resident reference is hostile on
/// purpose (markup, quotes, CR/LF): every page must show it as text.
enum PageSamples {
    static let hostileReference = "<script>alert(\"x\")</script>' & \"P-1\"\r\nP-2"
    static let protection = FormProtection(
        token: CSRFToken(key: SymmetricKey(data: Data(repeating: 7, count: 32))), session: "session-1")

    static func date(_ text: String) -> LocalDate { try! LocalDate(text) }
    static func time(_ text: String) -> LocalTime { try! LocalTime(text) }

    static let site = StaffPageModel.SiteHeader(id: "E-58-0001", name: "EHPAD Les Tilleuls", commune: "Clamecy")

    static func requestForm(refused: Bool) -> ConsultationRequestForm {
        ConsultationRequestForm(
            residentReference: refused ? hostileReference : "", specialty: refused ? "dermatology" : "",
            mode: "async", urgency: "soon", equipment: refused ? ["dermatoscope"] : [],
            notes: refused ? "Plaie au talon, photo prise le matin" : "",
            errors: refused ? [.residentReference: "Une référence fait de 4 à 32 lettres, chiffres ou tirets."] : [:],
            specialties: [.dermatology, .woundCare, .cardiology, .geriatrics],
            equipmentChoices: [.videoCart, .dermatoscope, .ecg, .woundCamera])
    }

    static func staff(refused: Bool = false) -> StaffPageModel {
        StaffPageModel(
            site: site, today: date("2027-03-24"),
            sessions: [
                .init(
                    bookingId: "B-1", date: date("2027-03-26"), start: time("09:00"), end: time("09:30"),
                    residentReference: hostileReference, specialty: .dermatology, mode: .live,
                    practitioner: "Dr A. Lefèvre", unitName: nil, status: .confirmed),
                .init(
                    bookingId: "B-2", date: date("2027-03-29"), start: time("10:30"), end: time("10:50"),
                    residentReference: "P-7F3K2Q", specialty: .woundCare, mode: .async, practitioner: "Dr B. Roux",
                    unitName: "Unité mobile du Morvan", status: .proposed),
                .init(
                    bookingId: "B-3", date: date("2027-03-16"), start: time("14:00"), end: time("14:30"),
                    residentReference: "P-OLD", specialty: .cardiology, mode: .live, practitioner: "Dr C. Petit",
                    unitName: nil, status: .done),
                .init(
                    bookingId: "B-4", date: date("2027-03-15"), start: time("11:00"), end: time("11:30"),
                    residentReference: "P-PAST", specialty: .geriatrics, mode: .live, practitioner: "Dr C. Petit",
                    unitName: nil, status: .confirmed),
                .init(
                    bookingId: "B-5", date: date("2027-02-19"), start: time("11:00"), end: time("11:30"),
                    residentReference: "P-TOO-OLD", specialty: .geriatrics, mode: .live, practitioner: "Dr C. Petit",
                    unitName: nil, status: .done),
            ],
            request: requestForm(refused: refused),
            proposals: refused
                ? []
                : [
                    .init(
                        id: "P-a1", specialist: "Dr A. Lefèvre", date: date("2027-03-25"), start: time("09:00"),
                        end: time("09:30"), unitName: nil),
                    .init(
                        id: "P-b2", specialist: "Dr D. Moreau", date: date("2027-03-26"), start: time("14:15"),
                        end: time("14:45"), unitName: "Unité mobile du Morvan"),
                    .init(
                        id: "P-c3", specialist: "Dr A. Lefèvre", date: date("2027-03-29"), start: time("11:00"),
                        end: time("11:30"), unitName: nil),
                ],
            feedURL: "https://telemed.example.org/feeds/3f9a.ics", notice: refused ? nil : "Séance annulée.",
            protection: protection)
    }

    /// The staff page after asking for a care series (its proposals with the days the later sessions
    /// would take), with the site's series: one begun, one whose resident reference is hostile.
    static func staffSeries() -> StaffPageModel {
        var model = staff()
        model.notice = nil
        model.proposalSeries = .init(count: 3, minGapDays: 4, maxGapDays: 7)
        for position in model.proposals.indices {
            let day = model.proposals[position].date
            model.proposals[position].following = [
                .init(index: 2, earliest: day.adding(days: 4), latest: day.adding(days: 7)),
                .init(index: 3, earliest: day.adding(days: 8), latest: day.adding(days: 14)),
            ]
        }
        model.series = careSeries
        return model
    }

    static let careSeries: [StaffPageModel.CareSeriesGroup] = [
        .init(
            residentReference: "P-PLAIE", specialty: .woundCare,
            spacing: .init(count: 4, minGapDays: 14, maxGapDays: 14),
            sessions: [
                .init(
                    index: 1,
                    booked: .init(
                        date: date("2027-03-08"), start: time("10:00"), practitioner: "Dr B. Roux", status: .done)),
                .init(
                    index: 2,
                    booked: .init(
                        date: date("2027-03-22"), start: time("10:30"), practitioner: "Dr B. Roux", status: .confirmed)
                ),
                .init(
                    index: 3, booked: nil,
                    days: .init(index: 3, earliest: date("2027-04-05"), latest: date("2027-04-05"))),
                .init(index: 4, booked: nil),
            ]),
        .init(
            residentReference: hostileReference, specialty: .dermatology,
            spacing: .init(count: 3, minGapDays: 4, maxGapDays: 7),
            sessions: [.init(index: 1, booked: nil), .init(index: 2, booked: nil), .init(index: 3, booked: nil)]),
    ]

    /// The staff page after a request with no slot, its waiting list of three: one returned after a
    /// session not held, with a slot held for it; one whose reference is hostile; one plain.
    static func staffWaiting() -> StaffPageModel {
        var model = staff()
        model.proposals = []
        model.noProposalReason = "aucun dermatologue n’a de créneau libre dans la période planifiée."
        model.waitlistCandidate = "R-new"
        model.notice = nil
        model.waiting = [
            .init(
                position: 1, requestId: "R-1", residentReference: "P-RETOUR", specialty: .dermatology, urgency: .soon,
                since: date("2027-03-22"), returned: true,
                offer: .init(
                    proposalId: "P-held", specialist: "Dr A. Lefèvre", date: date("2027-03-29"), start: time("09:00"),
                    end: time("09:30"), expiresOn: date("2027-03-24"), expiresAt: time("15:30"))),
            .init(
                position: 2, requestId: "R-2", residentReference: hostileReference, specialty: .woundCare,
                urgency: .urgent, since: date("2027-03-23"), returned: false, offer: nil),
            .init(
                position: 3, requestId: "R-3", residentReference: "P-ATTENTE", specialty: .cardiology,
                urgency: .routine,
                since: date("2027-03-10"), returned: false, offer: nil),
        ]
        return model
    }

    static let crew = CrewPageModel(
        unitName: "Unité mobile du Morvan", depotName: "Centre hospitalier, Château-Chinon",
        depotLocation: GeoPoint(latitude: 47.0642, longitude: 3.9339),
        days: [
            .init(
                date: date("2027-03-26"), departure: time("08:05"), back: time("16:40"),
                stops: [
                    .init(
                        siteName: "EHPAD Les Tilleuls", address: "5 rue des Jardins", commune: "Clamecy",
                        location: GeoPoint(latitude: 47.4597, longitude: 3.5194), arrival: time("09:10"),
                        departure: time("11:30"), consultations: 4),
                    .init(
                        siteName: "Maison de santé du Morvan", address: "2 place de la Mairie", commune: "Corbigny",
                        location: GeoPoint(latitude: 47.2567, longitude: 3.6828), arrival: time("13:15"),
                        departure: time("15:00"), consultations: 1, changedAfterCutoff: true),
                ]),
            .init(date: date("2027-03-27"), departure: nil, back: nil, stops: []),
        ],
        feedURL: "https://telemed.example.org/feeds/u58.ics",
        todayDownloadURL: "/units/U-58/route.ics?date=2027-03-26")

    static func whatIfForm(refused: Bool) -> WhatIfForm {
        WhatIfForm(
            values: refused ? [.variantName: hostileReference, .change: "scaleDemand", .demandFactor: "-2"] : [:],
            errors: refused ? [.demandFactor: "Le facteur doit être positif (par exemple 1,3)."] : [:],
            units: [.init(id: "U-58", label: "Unité mobile du Morvan")],
            specialists: [.init(id: "S-01", label: "Dr A. Lefèvre (dermatologie)")],
            sites: [.init(id: "E-58-0001", label: "EHPAD Les Tilleuls (Clamecy)")],
            specialties: [.dermatology, .cardiology], departments: [.init(id: "58", label: "Nièvre")])
    }

    /// The feed fixture's scenario and plan, and the same plan without its unit's visits and bookings.
    static func comparedPlans() throws -> [ComparedPlan] {
        let folder = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/feeds")
        let scenario = try ScenarioCoder.load(contentsOf: folder.appendingPathComponent("scenario.json"))
        let plan = try ScenarioCoder.decode(
            Plan.self, from: Data(contentsOf: folder.appendingPathComponent("plan.json")))
        var withoutUnit = plan
        withoutUnit.visits = []
        withoutUnit.unitDays = []
        withoutUnit.bookings.removeAll {
            if case .unitVisit = $0.host { return true }
            return false
        }
        let catalog = try CommuneCatalog.shipped(region: "27")
        return [
            ComparedPlan(name: "plan en vigueur", scenario: scenario, plan: plan, catalog: catalog),
            ComparedPlan(name: "sans l’unité du Morvan", scenario: scenario, plan: withoutUnit, catalog: catalog),
        ]
    }

    static func plannerKPIs() throws -> PlanKPIs { try comparedPlans()[0].kpis }

    /// The planners' home with the last months' activity, the last re-optimisation applied and its
    /// button.
    static func plannerPage() throws -> PlannerPage {
        var page = PlannerPage(
            planName: "plan du 24 mars", kpis: try plannerKPIs(), whatIf: whatIfForm(refused: false),
            protection: protection)
        page.offersReoptimisation = true
        page.reoptimisation = ReoptimisationSummary(
            startedAt: WallClock.paris.instant(
                on: LocalDate(year: 2027, month: 3, day: 24)!, at: LocalTime(hour: 18, minute: 5)!),
            state: .applied(
                .init(rescheduled: 12, cancelled: 1, added: 2, unchanged: 40, skipped: 3, routesReplaced: 4)))
        page.recentActivity = try recentActivity()
        page.campaigns = campaignProgress()
        page.campaignForm = campaignForm(refused: false)
        return page
    }

    /// The planner page with both forms refused.
    static func plannerRefused() throws -> PlannerPage {
        var page = PlannerPage(
            planName: "plan du 24 mars", kpis: try plannerKPIs(), whatIf: whatIfForm(refused: true),
            protection: protection)
        page.campaignForm = campaignForm(refused: true)
        return page
    }

    /// A screening campaign half planned, one site with a patient missed.
    static func campaignProgress() -> CampaignProgressSection {
        var planned = CampaignProgress.Figures()
        planned.patients = 15
        planned.planned = 9
        planned.done = 4
        planned.noShow = 1
        var untouched = CampaignProgress.Figures()
        untouched.patients = 20
        var total = planned
        total.patients += untouched.patients
        return CampaignProgressSection(
            campaigns: [
                CampaignProgress(
                    campaignId: "C-RETINO", name: "Dépistage de la rétinopathie diabétique, printemps",
                    period: Horizon(
                        start: LocalDate(year: 2027, month: 3, day: 22)!, end: LocalDate(year: 2027, month: 4, day: 30)!
                    ),
                    sites: [
                        .init(siteId: "E-58-0001", figures: planned), .init(siteId: "T-58-0001", figures: untouched),
                    ],
                    total: total)
            ],
            siteLabels: ["E-58-0001": "EHPAD Les Tilleuls (Clamecy)", "T-58-0001": "Maison de santé (Lormes)"])
    }

    /// The campaign form, empty or refused with the reasons of a planner's typical slips.
    static func campaignForm(refused: Bool) -> CampaignForm {
        var form = CampaignForm(
            sites: [.init(id: "E-58-0001", label: "EHPAD Les Tilleuls (Clamecy)")],
            specialties: [.ophthalmology, .cardiology], equipment: [.retinalCamera, .ecg])
        guard refused else { return form }
        form.values = [.name: "Dépistage", .targets: "E-99-9999 15", .minutesPerPatient: "0"]
        do {
            _ = try form.validated(today: LocalDate(year: 2027, month: 3, day: 15)!)
        } catch {
            form.errors = error.messages
        }
        return form
    }

    /// Every page, named as its screenshot.
    static func all() throws -> [(name: String, html: String)] {
        [
            ("staff", StaffPage(model: staff()).render()),
            ("staff-refused", StaffPage(model: staff(refused: true)).render()),
            ("staff-waitlist", StaffPage(model: staffWaiting()).render()),
            ("staff-series", StaffPage(model: staffSeries()).render()),
            ("crew", CrewPage(model: crew).render()),
            ("planner", try plannerPage().render()),
            ("planner-refused", try plannerRefused().render()),
            (
                "whatif-running",
                WhatIfRunningPage(
                    studyName: "Une deuxième unité", variants: [.init(name: "référence", progress: 0.4, served: 1210)]
                ).render()
            ),
            ("comparison", PlanComparisonPage(title: "Comparaison", plans: try comparedPlans()).render()),
            ("activity-report", ActivityReportPage(report: try activityReport()).render()),
            ("login", LoginPage(protection: protection, error: "Ce code n’est pas reconnu.").render()),
            ("error", ErrorPage(status: 403).render()),
        ]
    }
}
