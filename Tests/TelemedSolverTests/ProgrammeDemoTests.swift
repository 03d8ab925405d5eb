import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// `Scenarios/campaigns-demo.json`: the demo region over six weeks with the programmes' work (a
/// screening campaign of 300 patients over 20 sites, care series, a fortnightly and a
/// first-Tuesday circuit), solved and checked.
@Suite("The programmes demo: a campaign, care series and circuits, planned and checked")
struct ProgrammeDemoTests {
    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/campaigns-demo.json")

    @Test(
        "campaign patients planned inside the period in shared stops, series spaced, circuits on their dates; the checker accepts"
    )
    func solvesAndChecks() throws {
        let scenario = try ScenarioCoder.load(contentsOf: Self.url)
        let campaign = try #require(scenario.campaigns.first)
        #expect(campaign.targets.count == 20 && scenario.requests(of: campaign.id).count == 300)
        // A short search: the first plan packs the campaign's screenings towards the period's
        // start (the solver's wait pressure) and a few hundred repairs spread the last ones.
        let plan = try Solver(scenario: scenario).solve(SolverOptions(seed: 1, iterations: 300)).plan
        let report = try PlanChecker(scenario: scenario).check(plan)
        #expect(report.isValid, "\(report.violations.prefix(5).map(\.description))")
        #expect(report.score.served == plan.score.served && abs(report.score.soft - plan.score.soft) < 1e-5)

        let progress = try #require(CampaignProgress.of(scenario, bookings: plan.bookings).first)
        #expect(progress.total.planned == 300 && progress.sites.count == 20)
        let screenings = plan.bookings.filter { $0.requestId.rawValue.hasPrefix("\(campaign.id.rawValue)-") }
        let clock = WallClock.paris
        #expect(screenings.allSatisfy { campaign.period.contains(clock.localDate(of: $0.start)) })
        let stops = Set(
            screenings.compactMap { booking in
                booking.host.unitId.map { "\($0) \(clock.localDate(of: booking.start)) \(booking.siteId)" }
            })
        #expect(stops.count * 2 < screenings.count, "a unit's visit screens several patients")

        // Care series: spaced (the checker); the six-session one's last occurrences wait for the window.
        for late in ["R-SERIE-2-5", "R-SERIE-2-6"] {
            let waiting = try #require(plan.unassigned.first { $0.requestId.rawValue == late })
            #expect(waiting.constraint == .seriesSpacing && waiting.reason.contains("falls after the horizon"))
        }

        // Circuits: the fortnightly and first-Tuesday stops on their dates only, across the month end.
        func pinnedDates(_ unit: MobileUnit, _ stop: RecurringStop) -> [String] {
            plan.visits.filter {
                $0.unitId == unit.id && $0.siteId == stop.siteId && clock.localTime(of: $0.arrival) == stop.arrival
                    && clock.localTime(of: $0.departure) == stop.departure
            }.map(\.date.description).sorted()
        }
        let fortnightly = try #require(scenario.units[0].recurringStops.first { $0.everyWeeks == 2 })
        #expect(pinnedDates(scenario.units[0], fortnightly) == ["2027-01-06", "2027-01-20", "2027-02-03"])
        let monthly = try #require(scenario.units[1].recurringStops.first { $0.weekOfMonth == 1 })
        #expect(pinnedDates(scenario.units[1], monthly) == ["2027-01-05", "2027-02-02"])
    }
}
