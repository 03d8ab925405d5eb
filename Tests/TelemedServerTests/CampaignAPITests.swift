import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

/// `POST /api/v1/campaigns`: a planner's campaign stored with one request per expected patient,
/// planned by a re-optimisation, its progress read back and its stops named in the unit's feed.
@Suite("Campaigns through the API")
struct CampaignAPITests {
    struct CampaignBodyView: Decodable {
        struct Progress: Decodable {
            struct Figures: Decodable {
                var patients, planned, done, noShow: Int
            }

            struct Site: Decodable {
                var siteId: String
                var figures: Figures
            }

            var total: Figures
            var sites: [Site]
        }

        struct Run: Decodable {
            var id: String
            var status: String
        }

        var campaign: Campaign
        var progress: Progress
        var reoptimisation: Run?
    }

    struct RunView: Decodable {
        var status: String
    }

    /// An ECG screening by the unit's crew: 6 patients at the town point, 4 at the EHPAD.
    static func body(id: String = "C-ECG-2027", name: String = "Dépistage ECG printemps", extra: String = "")
        -> ByteBuffer
    {
        ByteBuffer(
            string: """
                {"id": "\(id)", "name": "\(name)", "kind": "screening", "specialty": "cardiology", "mode": "crew",
                 "period": {"start": "2027-03-22", "end": "2027-04-02"},
                 "targets": [{"siteId": "T-58-0001", "patients": 6}, {"siteId": "E-58-0001", "patients": 4}],
                 "minutesPerPatient": 15, "equipment": ["ecg"]\(extra)}
                """)
    }

    static func fixture() throws -> ServerFixture {
        try ServerFixture(
            configuration: ServerConfiguration(port: 0, planTimeLimit: .seconds(60), planIterations: 30),
            confirmedDays: 0)
    }

    /// Polls a plan run until it has ended.
    static func awaitRun(_ id: String, client: some TestClientProtocol, headers: HTTPFields) async throws {
        let deadline = ContinuousClock.now + .seconds(300)
        var status = "running"
        while status == "running" && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
            status = try await client.execute(uri: "/api/v1/plans/\(id)", method: .get, headers: headers) {
                try $0.decode(RunView.self).status
            }
        }
        #expect(status == "finished")
    }

    @Test(
        "a planner's campaign is stored patient by patient, planned by a re-optimisation and shown in the unit's feed")
    func createdAndPlanned() async throws {
        let fixture = try Self.fixture()
        let planner = ServerFixture.bearer(fixture.credentials.plannerToken, json: true)
        let requestsBefore = try fixture.database.schedule().scenario.requests.count
        try await fixture.app().test(.router) { client in
            let created = try await client.execute(
                uri: "/api/v1/campaigns", method: .post, headers: planner, body: Self.body())
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/api/v1/campaigns/C-ECG-2027")
            let view = try created.decode(CampaignBodyView.self)
            #expect(view.progress.total.patients == 10)
            let run = try #require(view.reoptimisation)
            try await Self.awaitRun(run.id, client: client, headers: planner)

            let scenario = try fixture.database.schedule().scenario
            let patients = scenario.requests.filter { $0.campaignId == "C-ECG-2027" }
            #expect(scenario.requests.count == requestsBefore + 10)
            let lastDay = try LocalDate("2027-04-02")
            #expect(patients.allSatisfy { $0.patientRef.hasPrefix("C-ECG-2027-") && $0.latestDate == lastDay })
            let read = try await client.execute(uri: "/api/v1/campaigns/C-ECG-2027", method: .get, headers: planner) {
                try $0.decode(CampaignBodyView.self)
            }
            #expect(read.progress.total.planned == 10, "every patient planned inside the period")
            #expect(read.progress.sites.map(\.siteId) == ["E-58-0001", "T-58-0001"])
            let list = try await client.execute(uri: "/api/v1/campaigns", method: .get, headers: planner)
            #expect(String(buffer: list.body).contains("\"C-ECG-2027\""))
            #expect(
                try fixture.database.auditEntries().contains { $0.action == "campaign.create" && $0.actor == "planner" }
            )

            let feed = try await client.execute(uri: fixture.feed("unit", "U-58").path, method: .get)
            let text = String(buffer: feed.body)
            #expect(text.contains("Campagne « Dépistage ECG printemps »"))
            #expect(text.contains("CATEGORIES:Campagne"))
            #expect(text.contains("CATEGORIES:Dépistage"))
        }
    }

    @Test(
        "a campaign the region cannot hold is refused with the field, and nothing is stored",
        arguments: [
            (
                #"{"id": "C-X", "name": "x", "kind": "screening", "specialty": "cardiology", "mode": "crew", "period": {"start": "2027-03-22", "end": "2027-04-02"}, "targets": [{"siteId": "E-99-9999", "patients": 3}], "minutesPerPatient": 15}"#,
                "targets[0].siteId"
            ),
            (
                #"{"id": "C-X", "name": "x", "kind": "screening", "specialty": "cardiology", "mode": "crew", "period": {"start": "2027-03-01", "end": "2027-04-02"}, "targets": [{"siteId": "E-58-0001", "patients": 3}], "minutesPerPatient": 15}"#,
                "period.start"
            ),
            (
                #"{"id": "C-X", "name": "x", "kind": "screening", "specialty": "cardiology", "mode": "crew", "period": {"start": "2027-03-22", "end": "2027-04-02"}, "targets": [{"siteId": "E-58-0001", "patients": 2001}], "minutesPerPatient": 15}"#,
                "targets[0].patients"
            ),
            (
                #"{"id": "C-X", "name": "a\r\nCATEGORIES:x", "kind": "screening", "specialty": "cardiology", "mode": "crew", "period": {"start": "2027-03-22", "end": "2027-04-02"}, "targets": [{"siteId": "E-58-0001", "patients": 3}], "minutesPerPatient": 15}"#,
                "name"
            ),
            (
                #"{"id": "C-X", "name": "x", "kind": "screening", "specialty": "cardiology", "mode": "live", "period": {"start": "2027-03-22", "end": "2027-04-02"}, "targets": [{"siteId": "E-58-0001", "patients": 3}], "minutesPerPatient": 15}"#,
                "mode"
            ),
            (
                #"{"id": "C-X", "name": "x", "kind": "screening", "specialty": "cardiology", "mode": "crew", "period": {"start": "2027-03-22", "end": "2027-04-02"}, "targets": [{"siteId": "E-58-0001", "patients": 3}], "minutesPerPatient": 15, "patients": ["Jean Dupont"]}"#,
                "patients"
            ),
            (
                #"{"id": "C-X", "name": "x", "kind": "screening", "specialty": "cardiology", "mode": "crew", "period": {"start": "2027-03-22", "end": "2027-04-02"}, "targets": [{"inseeCode": "'; DROP TABLE requests; --", "patients": 3}], "minutesPerPatient": 15}"#,
                "targets[0].inseeCode"
            ),
        ])
    func refused(body: String, field: String) async throws {
        let fixture = try Self.fixture()
        let planner = ServerFixture.bearer(fixture.credentials.plannerToken, json: true)
        let before = try fixture.database.schedule().scenario.requests.count
        try await fixture.app().test(.router) { client in
            let reply = try await client.execute(
                uri: "/api/v1/campaigns", method: .post, headers: planner, body: ByteBuffer(string: body))
            #expect(reply.status == .badRequest)
            #expect(String(buffer: reply.body).contains("\"field\":\"\(field)\""), "\(String(buffer: reply.body))")
        }
        #expect(try fixture.database.campaigns().isEmpty)
        #expect(try fixture.database.schedule().scenario.requests.count == before)
        #expect(try fixture.database.planRuns().isEmpty, "no re-optimisation for a refused campaign")
    }

    @Test("the same campaign id twice is a conflict; staff tokens cannot create or read campaigns")
    func conflictAndAccess() async throws {
        let fixture = try Self.fixture()
        let planner = ServerFixture.bearer(fixture.credentials.plannerToken, json: true)
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        try await fixture.app().test(.router) { client in
            let forbidden = try await client.execute(
                uri: "/api/v1/campaigns", method: .post, headers: staff, body: Self.body())
            #expect(forbidden.status == .forbidden)
            let hidden = try await client.execute(uri: "/api/v1/campaigns", method: .get, headers: staff)
            #expect(hidden.status == .forbidden)
            let first = try await client.execute(
                uri: "/api/v1/campaigns", method: .post, headers: planner, body: Self.body())
            #expect(first.status == .created)
            let again = try await client.execute(
                uri: "/api/v1/campaigns", method: .post, headers: planner, body: Self.body(name: "Autre"))
            #expect(again.status == .conflict)
            let unknown = try await client.execute(uri: "/api/v1/campaigns/C-NONE", method: .get, headers: planner)
            #expect(unknown.status == .notFound)
        }
        #expect(try fixture.database.campaigns().map(\.name) == ["Dépistage ECG printemps"])
    }
}
