import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedSolver
import TelemedStore
import Testing

@testable import TelemedServer

/// A server over an in-memory database set up with the small feed fixture (two sites, two
/// specialists, one unit, 2027-03-22 to 2027-04-02), planned with a fixed seed and iteration
/// count, its first two weeks confirmed (or fewer days, with `confirmedDays`).
struct ServerFixture {
    static let scenarioURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/feeds/scenario.json")

    /// The site with a dermatoscope and a video cart, and the town point.
    static let ehpad = "E-58-0001"
    /// The server's clock in these tests: a week before the fixture's first day, standing still,
    /// so nothing depends on the date the machine shows (tests that move time make their own).
    static let clock = ServiceClock.manual(ManualTime(try! ServiceClock.instant("2027-03-15T08:00:00+01:00")))
    static let townPoint = "T-58-0001"

    let database: TelemedDatabase
    let credentials: RegionCredentials
    let configuration: ServerConfiguration

    /// `confirmedDays`: how many days from the horizon's start the setup confirms (the rest stays
    /// proposed, for re-optimisation to move); `scenario`: another region than the feeds fixture;
    /// `iterations`: the setup's search after construction.
    init(
        configuration: ServerConfiguration = ServerConfiguration(port: 0, planTimeLimit: .milliseconds(200)),
        confirmedDays: Int = 14, clock: ServiceClock = ServerFixture.clock, scenario: Scenario? = nil,
        iterations: Int = 50
    ) throws {
        database = try TelemedDatabase.inMemory(clock: clock)
        let scenario = try scenario ?? ScenarioCoder.load(contentsOf: Self.scenarioURL)
        let setup = RegionSetup(
            scenario: scenario, solver: SolverOptions(seed: 1, iterations: iterations), confirmedDays: confirmedDays)
        credentials = try setup.run(into: database).credentials
        self.configuration = configuration
    }

    func app() throws -> some ApplicationProtocol {
        try buildApplication(configuration: configuration, database: database)
    }

    func token(site: String) -> String { credentials.siteTokens[site]! }

    func feed(_ kind: String, _ owner: String) -> RegionCredentials.Feed {
        credentials.feeds.first { $0.kind == kind && $0.ownerId == owner }!
    }

    /// A booking the setup confirmed at `site` (it confirms the first two weeks).
    func confirmedBooking(at site: String) throws -> Booking {
        let everything = UTCInterval(start: .distantPast, end: .distantFuture)
        return try #require(
            try DatabaseBookingStore(database).bookings(atSite: .init(rawValue: site), startingIn: everything).first {
                $0.status == .confirmed
            })
    }

    static func bearer(_ token: String, json: Bool = false) -> HTTPFields {
        var headers: HTTPFields = [.authorization: "Bearer \(token)"]
        if json { headers[.contentType] = "application/json" }
        return headers
    }

    /// The consent the fixture's requests carry, as a body member.
    static let consent = #", "consent": {"givenBy": "resident", "recordedOn": "2027-03-15"}"#

    /// A dermatology consultation at the EHPAD, as its staff would ask for it: live, with the
    /// resident's consent unless `consent` is false.
    static func dermatologyRequest(patient: String = "P-TEST-1", extra: String = "", consent: Bool = true)
        -> ByteBuffer
    {
        let members = extra + (consent ? Self.consent : "")
        return ByteBuffer(
            string: """
                {"siteId": "\(ehpad)", "patientRef": "\(patient)", "specialty": "dermatology", "mode": "live",
                 "urgency": "soon", "requiredEquipment": ["dermatoscope"], "durationMinutes": 30\(members)}
                """)
    }
}

/// The parts of API bodies the tests read.
struct ProposalsBody: Decodable {
    struct Proposal: Decodable {
        var id: String
        var start: Date
        var specialistId: String?
    }

    var requestId: String
    var replacesBookingId: String?
    var proposals: [Proposal]
}

struct BookingBody: Decodable {
    var id: String
    var status: String
    var version: Int
    var start: Date
}

struct ProblemBody: Decodable {
    struct Collision: Decodable {
        var constraint: String
        var otherBookingIds: [String]
    }

    var status: Int
    var detail: String
    var field: String?
    var collisions: [Collision]?
}

extension TestResponse {
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try ScenarioCoder.makeDecoder().decode(type, from: Data(buffer: body))
    }
}
