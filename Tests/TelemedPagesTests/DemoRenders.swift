import Foundation
import TelemedCalendar
import TelemedCore
import TelemedPages
import TelemedReports
import TelemedSolver
import TelemedTestSupport

/// What a French reader of the feed fixture's programme sees (`Tests/Fixtures/feeds`, the scenario
/// and plan the page and feed tests already use): its staff, crew, planner and comparison pages,
/// a what-if report solved from it, and its site, unit and specialist feeds, each as HTML or ICS.
enum DemoRenders {
    static let folder = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/feeds")
    static let clock = WallClock.paris

    /// Named in French: a scenario's name is the programme's data, shown as typed (the fixture's
    /// is English), not a label of ours.
    static func scenario() throws -> Scenario {
        var scenario = try ScenarioCoder.load(contentsOf: folder.appendingPathComponent("scenario.json"))
        scenario.name = "Programme d’essai (synthétique)"
        return scenario
    }

    static func plan() throws -> Plan {
        try ScenarioCoder.decode(Plan.self, from: Data(contentsOf: folder.appendingPathComponent("plan.json")))
    }

    /// Every page, named: the staff page of each site (with its bookings as sessions and
    /// proposals), then once per rule with that rule's explanation as the reason nothing fits.
    static func pages() throws -> [(name: String, html: String)] {
        let scenario = try scenario()
        let plan = try plan()
        let staff = scenario.sites.map { site in
            ("staff \(site.id.rawValue)", StaffPage(model: staffModel(site, scenario: scenario, plan: plan)).render())
        }
        let site = scenario.sites[0]
        let refusals = ConstraintName.allCases.map { rule in
            var model = staffModel(site, scenario: scenario, plan: plan)
            model.proposals = []
            model.noProposalReason = FrenchVocabulary.explanation(rule) + "."
            return ("staff, \(rule.rawValue)", StaffPage(model: model).render())
        }
        // A care series: its rhythm, the days of later sessions, and each reason a move may lack a day.
        var series = staffModel(site, scenario: scenario, plan: plan)
        series.proposalSeries = .init(count: 3, minGapDays: 4, maxGapDays: 7)
        series.series = PageSamples.careSeries
        let moves = [SeriesWording.Cause.noDayKeepsBothGaps, .outsidePlanningWindow, .noFreeSlot].map { cause in
            var model = series
            model.proposals = []
            let monday = scenario.horizon.start
            model.noProposalReason =
                SeriesWording.spacingRefusal(
                    neighbours: [(1, monday), (3, monday.adding(days: 11))], minGapDays: 4, maxGapDays: 7,
                    window: monday.adding(days: 4)...monday.adding(days: 7), cause: cause) + "."
            return ("staff, series move \(cause)", StaffPage(model: model).render())
        }
        let crews = scenario.units.map { unit in
            ("crew \(unit.id.rawValue)", CrewPage(model: crewModel(unit, scenario: scenario, plan: plan)).render())
        }
        var planner = try PageSamples.plannerPage()
        planner.window = PlanningWindowSummary(
            today: scenario.horizon.start, end: scenario.horizon.end, weeks: 4,
            rolls: [.init(date: scenario.horizon.start, placed: 3, repaired: 1, overdue: 0, unplaced: 2)])
        let running = WhatIfRunningPage(studyName: "Essai", variants: [.init(name: "référence", progress: 0.5)])
        return staff + refusals + [("staff, series", StaffPage(model: series).render())] + moves + crews + [
            ("planner", planner.render()),
            ("comparison", PlanComparisonPage(title: "Comparaison", plans: try PageSamples.comparedPlans()).render()),
            ("running", running.render()), ("login", LoginPage(protection: PageSamples.protection).render()),
            ("activity report", ActivityReportPage(report: try PageSamples.activityReport()).render()),
            (
                "activity report with a waiting list",
                ActivityReportPage(report: try PageSamples.activityReport(waitingList: true)).render()
            ),
            ("sign-out", SignOutPage(protection: PageSamples.protection).render()),
        ] + [400, 401, 403, 404, 409, 500].map { ("error \($0)", ErrorPage(status: $0).render()) }
    }

    static func staffModel(_ site: Site, scenario: Scenario, plan: Plan) -> StaffPageModel {
        let requests = Dictionary(uniqueKeysWithValues: scenario.requests.map { ($0.id, $0) })
        let specialists = Dictionary(uniqueKeysWithValues: scenario.specialists.map { ($0.id, $0) })
        let units = Dictionary(uniqueKeysWithValues: scenario.units.map { ($0.id, $0.name) })
        let bookings = plan.bookings.filter { $0.siteId == site.id }
        let sessions = bookings.map { booking in
            let request = requests[booking.requestId]!
            return StaffPageModel.Session(
                bookingId: booking.id.rawValue, date: clock.localDate(of: booking.start),
                start: clock.localTime(of: booking.start), end: clock.localTime(of: booking.end),
                residentReference: request.patientRef, specialty: request.specialty, mode: request.mode,
                practitioner: FrenchVocabulary.practitioner(booking.specialistId.flatMap { specialists[$0] }),
                unitName: booking.host.unitId.flatMap { units[$0] }, status: booking.status)
        }
        let proposals = bookings.prefix(3).map { booking in
            StaffPageModel.Proposal(
                id: "P-\(booking.id.rawValue)",
                specialist: FrenchVocabulary.practitioner(booking.specialistId.flatMap { specialists[$0] }),
                date: clock.localDate(of: booking.start), start: clock.localTime(of: booking.start),
                end: clock.localTime(of: booking.end), unitName: booking.host.unitId.flatMap { units[$0] })
        }
        let form = ConsultationRequestForm(
            specialties: Specialty.builtIn + [.screening], equipmentChoices: Equipment.builtIn)
        return StaffPageModel(
            site: .init(id: site.id.rawValue, name: site.name, commune: site.commune),
            today: sessions.map(\.date).min() ?? scenario.horizon.start, sessions: sessions, request: form,
            proposals: Array(proposals), feedURL: "https://telemed.example.org/feeds/site.ics",
            notice: "Séance confirmée.", protection: PageSamples.protection)
    }

    static func crewModel(_ unit: MobileUnit, scenario: Scenario, plan: Plan) -> CrewPageModel {
        let sites = Dictionary(uniqueKeysWithValues: scenario.sites.map { ($0.id, $0) })
        let days = Dictionary(grouping: plan.visits.filter { $0.unitId == unit.id }, by: \.date)
        return CrewPageModel(
            unitName: unit.name, depotName: unit.depot.name, depotLocation: unit.depot.location,
            days: days.keys.sorted().map { date in
                let visits = days[date]!.sorted { $0.order < $1.order }
                let hosted = plan.bookings.filter { $0.host.unitId == unit.id && clock.localDate(of: $0.start) == date }
                return CrewPageModel.Day(
                    date: date, departure: visits.first.map { clock.localTime(of: $0.arrival) },
                    back: visits.last.map { clock.localTime(of: $0.departure) },
                    stops: visits.map { visit in
                        let site = sites[visit.siteId]!
                        return CrewPageModel.Stop(
                            siteName: site.name, address: site.address, commune: site.commune,
                            location: site.location, arrival: clock.localTime(of: visit.arrival),
                            departure: clock.localTime(of: visit.departure),
                            consultations: hosted.filter { $0.siteId == visit.siteId }.count,
                            changedAfterCutoff: visit.order == 1)
                    })
            },
            feedURL: "https://telemed.example.org/feeds/unit.ics", todayDownloadURL: "/units/U/route.ics")
    }

    /// The base and a variant with one request less, solved with a few iterations; `siteName` and
    /// `variantName` replace the first site's and the variant's names.
    static func report(
        siteName: String? = nil, variantName: String = "moins de demandes"
    ) throws -> String {
        var scenario = try scenario()
        if let siteName { scenario.sites[0].name = siteName }
        var fewer = scenario
        fewer.requests.removeLast()
        let study = WhatIfStudy(
            name: "Une demande de moins", base: "scenario.json",
            variants: [.init(name: variantName, description: "La dernière demande est retirée.", changes: [])])
        let outcomes = try WhatIfRunner.run(
            [(WhatIfVariant(name: "référence", changes: []), scenario), (study.variants[0], fewer)],
            options: SolverOptions(seed: 1, iterations: 30), catalog: try CommuneCatalog.shipped(region: "27"),
            travelModel: try scenario.travel.makeModel(relativeTo: folder))
        return WhatIfReportPage(study: study, outcomes: outcomes, runDescription: "graine 1, 30 itérations").render()
    }

    /// Every feed of the programme as iCalendar text, named.
    static func feeds() throws -> [(name: String, ics: String)] {
        let scenario = try scenario()
        let source = try FeedSource(
            scenario: scenario, plan: try plan(), travel: try scenario.travel.makeModel(relativeTo: folder),
            changes: [:], publishedAt: ISO8601DateFormatter().date(from: "2027-03-20T12:00:00Z")!,
            options: FeedOptions(includeTravelLegs: true))
        return try scenario.sites.map { ("site \($0.id.rawValue)", try source.siteCalendar(for: $0).serialized()) }
            + scenario.units.map { ("unit \($0.id.rawValue)", try source.unitRouteCalendar(for: $0).serialized()) }
            + scenario.specialists.map {
                ("specialist \($0.id.rawValue)", try source.specialistCalendar(for: $0).serialized())
            }
    }
}
