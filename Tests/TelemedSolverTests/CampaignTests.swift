import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// Campaigns: a definition that expands into one request per expected patient, screened only
/// within the campaign's period (`withinHorizon` with the requests' `latestDate`).
@Suite("Campaigns: expansion, validation and planning within the period")
struct CampaignTests {
    typealias B = SolverConstraintBuilder

    static let sites = [
        B.site("E-58-0001", in: .clamecy), B.site("T-58-0001", in: .lormes), B.site("T-58-0002", in: .lormes),
        B.site("T-58-0003", in: .luzy),
    ]

    static func campaign(
        mode: ConsultationMode = .crew, period: (String, String) = (B.tuesday, B.wednesday),
        targets: [CampaignTarget] = [
            CampaignTarget(siteId: "E-58-0001", patients: 4), CampaignTarget(inseeCode: "58145", patients: 5),
        ]
    ) -> Campaign {
        Campaign(
            id: "C-FRAG", name: "Repérage de la fragilité", kind: .frailty, specialty: .screening,
            mode: mode, period: Horizon(start: B.date(period.0), end: B.date(period.1)), targets: targets,
            minutesPerPatient: 20)
    }

    static func scenario(_ campaign: Campaign = campaign(), capacity: Int? = nil) -> Scenario {
        var scenario = B.scenario(
            through: B.friday, sites: sites, specialists: [B.specialist("SP-01")],
            units: [B.unit(capacity: capacity)], requests: [])
        scenario.add(campaign)
        return scenario
    }

    @Test("a campaign expands into one request per patient, a commune's shared between its town points")
    func expansion() {
        let requests = Self.campaign().requests(sites: Self.sites)
        #expect(requests.count == 9)
        #expect(requests.filter { $0.siteId == "E-58-0001" }.count == 4)
        #expect(requests.filter { $0.siteId == "T-58-0001" }.count == 3)
        #expect(requests.filter { $0.siteId == "T-58-0002" }.count == 2)
        #expect(requests.first?.id == "C-FRAG-E-58-0001-001" && requests.first?.patientRef == "C-FRAG-E-58-0001-001")
        #expect(requests.allSatisfy { $0.campaignId == "C-FRAG" && $0.latestDate == B.date(B.wednesday) })
        #expect(requests.allSatisfy { $0.releaseDate == B.date(B.tuesday) && $0.mode == .crew })
        #expect(Set(requests.map(\.patientRef)).count == 9, "one pseudonymous reference per screened patient")
    }

    @Test("a file stating a campaign alone is expanded once when read; written back, it reads the same")
    func expandedWhenRead() throws {
        var bare = Self.scenario()
        bare.requests = []
        let read = try ScenarioCoder.decode(ScenarioCoder.encode(bare))
        #expect(read.requests.count == 9)
        let again = try ScenarioCoder.decode(ScenarioCoder.encode(read))
        #expect(again == read, "listed requests are not expanded twice")
        var fewer = read
        fewer.requests.removeLast()
        #expect(
            try ScenarioCoder.decode(ScenarioCoder.encode(fewer)).requests.count == 8, "a patient removed stays out")
        #expect(ScenarioValidator().validate(read).isEmpty)
    }

    @Test(
        "impossible campaigns are refused at their path",
        arguments: [
            ("mode", campaign(mode: .live)),
            ("period", campaign(period: (B.wednesday, B.tuesday))),
            ("period.end", campaign(period: (B.tuesday, "2027-02-01"))),
            ("targets[0].siteId", campaign(targets: [CampaignTarget(siteId: "E-99-0009", patients: 2)])),
            ("targets[0].inseeCode", campaign(targets: [CampaignTarget(inseeCode: "58062", patients: 2)])),
            ("targets[0].patients", campaign(targets: [CampaignTarget(siteId: "E-58-0001", patients: 0)])),
            ("targets[0]", campaign(targets: [CampaignTarget(siteId: "E-58-0001", inseeCode: "58145", patients: 2)])),
            (
                "targets[1].siteId",
                campaign(targets: [
                    CampaignTarget(siteId: "E-58-0001", patients: 2), CampaignTarget(siteId: "E-58-0001", patients: 1),
                ])
            ),
        ])
    func refused(path: String, campaign: Campaign) {
        var scenario = B.scenario(
            through: B.friday, sites: Self.sites, specialists: [B.specialist("SP-01")], units: [B.unit()],
            requests: [])
        scenario.campaigns = [campaign]
        let issues = ScenarioValidator().validate(scenario).map(\.description)
        #expect(issues.contains { $0.hasPrefix("campaigns[0].\(path):") }, "\(issues)")
    }

    @Test("a request naming an unknown campaign, or ending before it can start, is refused")
    func requestFields() {
        var request = B.request("R-1", at: "E-58-0001", released: B.wednesday)
        request.campaignId = "C-NONE"
        request.latestDate = B.date(B.tuesday)
        let scenario = B.scenario(
            through: B.friday, sites: Self.sites, specialists: [B.specialist("SP-01")], requests: [request])
        let issues = ScenarioValidator().validate(scenario).map(\.description)
        #expect(issues.contains { $0.hasPrefix("requests[0].campaignId: unknown campaign") })
        #expect(issues.contains { $0.hasPrefix("requests[0].latestDate: latest date 2027-01-12 is before") })
    }

    @Test("the unit screens each site's patients in one stop a day, inside the period")
    func plannedInOneStopPerSite() throws {
        let outcome = try B.solve(Self.scenario())
        #expect(outcome.served.count == 9)
        let period = B.date(B.tuesday)...B.date(B.wednesday)
        for booking in outcome.plan.bookings {
            #expect(period.contains(B.clock.localDate(of: booking.start)), "\(booking.id) outside the campaign")
        }
        let stops = Dictionary(grouping: outcome.plan.visits) { "\($0.date) \($0.siteId)" }
        #expect(stops.values.allSatisfy { $0.count == 1 }, "one visit per site and day")
        #expect(outcome.plan.visits.count < 9, "patients of a site share a stop")
    }

    @Test("withinHorizon: with room for 4 patients a day, a two-day campaign screens 8 and explains the rest")
    func latestDateHolds() throws {
        let outcome = try B.solve(Self.scenario(capacity: 4))
        #expect(outcome.served.count == 8, "without the latest date the unit would come back on Thursday")
        #expect(outcome.plan.unassigned.count == 1)
        let late = try #require(outcome.plan.bookings.first)
        var moved = outcome.plan
        let thursday = B.at(B.thursday, "10:00")
        moved.bookings[0].start = thursday
        moved.bookings[0].end = thursday.addingTimeInterval(late.end.timeIntervalSince(late.start))
        let report = try PlanChecker(scenario: outcome.scenario).check(moved)
        #expect(
            report.violations.contains {
                $0.constraint == .withinHorizon && $0.message.contains("after its latest date 2027-01-13")
            })
    }

    @Test("a request whose last day is before the horizon is explained under withinHorizon")
    func explained() throws {
        var scenario = Self.scenario()
        scenario.horizon = Horizon(start: B.date(B.thursday), end: B.date(B.friday))
        scenario.campaigns[0].period = scenario.horizon
        scenario.requests[0].latestDate = B.date(B.wednesday)
        let outcome = try B.solve(scenario)
        let first = try #require(outcome.plan.unassigned.first { $0.requestId == scenario.requests[0].id })
        #expect(first.constraint == .withinHorizon)
        #expect(first.reason.contains("2027-01-12 … 2027-01-13 leave no time inside the horizon"), "\(first.reason)")
    }

    @Test("progress per site counts planned, screened and missed patients, and the KPIs carry it")
    func progress() throws {
        let outcome = try B.solve(Self.scenario())
        var bookings = outcome.plan.bookings
        let atClamecy = bookings.indices.filter { bookings[$0].siteId == "E-58-0001" }
        bookings[atClamecy[0]].status = .done
        bookings[atClamecy[1]].status = .noShow
        bookings[atClamecy[2]].status = .cancelled
        let progress = try #require(CampaignProgress.of(outcome.scenario, bookings: bookings).first)
        let clamecy = try #require(progress.sites.first { $0.siteId == "E-58-0001" }?.figures)
        let counts: [Int] = [clamecy.patients, clamecy.planned, clamecy.done, clamecy.noShow, clamecy.unplanned]
        #expect(counts == [4, 1, 1, 1, 1])
        #expect(progress.total.patients == 9)
        #expect(progress.sites.map(\.siteId) == [Site.ID("E-58-0001"), "T-58-0001", "T-58-0002"])
        let kpis = PlanKPIs(scenario: outcome.scenario, plan: outcome.plan)
        #expect(kpis.campaigns?.first?.total.planned == 9)
    }
}

/// Hostile counts are refused by validation before anything is generated from them.
@Suite("Campaigns and series with hostile counts")
struct HostileCountTests {
    @Test("a billion patients or occurrences generate nothing and are reported")
    func hugeCounts() throws {
        var scenario = CampaignTests.scenario()
        scenario.requests = [
            SolverConstraintBuilder.request("R-1", at: "E-58-0001").with(
                series: CareSeries(count: 1_000_000_000, minGapDays: 7, maxGapDays: 9))
        ]
        scenario.campaigns[0].targets = [CampaignTarget(siteId: "E-58-0001", patients: 1_000_000_000)]
        let read = try ScenarioCoder.decode(ScenarioCoder.encode(scenario)).expandingSeries()
        #expect(read.requests.count == 1, "nothing generated")
        let issues = ScenarioValidator().validate(read).map(\.description)
        #expect(issues.contains { $0.hasPrefix("campaigns[0].targets[0].patients: expected patients must be 1…2000") })
        #expect(issues.contains { $0.hasPrefix("requests[0].series.count") }, "\(issues)")
    }
}

extension ConsultationRequest {
    fileprivate func with(series: CareSeries) -> ConsultationRequest {
        var copy = self
        copy.series = series
        return copy
    }
}
