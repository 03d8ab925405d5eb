import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedStore
import Testing

@testable import TelemedServer

/// The region of `Tests/Fixtures/waitlist` (no dermatology slot to spare: two EHPADs, A and B, one
/// dermatologist for four sessions in all, four requests that take them), every booking confirmed
/// by the set-up. The clock stands on Monday 15 March 08:00 until a test moves it.
struct WaitlistFixture {
    static let siteA = "E-58-0001"
    static let siteB = "E-58-0002"

    let server: ServerFixture
    let time: ManualTime
    let store: DatabaseBookingStore

    init() throws {
        time = ManualTime(try ServiceClock.instant("2027-03-15T08:00:00+01:00"))
        server = try ServerFixture(
            confirmedDays: 21, clock: .manual(time), scenario: try ScenarioCoder.load(contentsOf: Self.scenarioURL))
        store = DatabaseBookingStore(server.database)
    }

    static let scenarioURL = ServerFixture.scenarioURL.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("waitlist/scenario.json")

    /// A live dermatology request at `site`, with the resident's consent.
    static func request(_ id: String, site: Site.ID, patient: String) -> ConsultationRequest {
        let day = LocalDate(year: 2027, month: 3, day: 15)!
        return ConsultationRequest(
            id: ConsultationRequest.ID(rawValue: id), siteId: site, patientRef: patient, specialty: .dermatology,
            mode: .live, requiredEquipment: [.dermatoscope], durationMinutes: 30, urgency: .routine,
            releaseDate: day, consent: Consent(givenBy: .resident, recordedOn: day))
    }

    func token(_ site: String) -> String { server.token(site: site) }

    /// The confirmed bookings of `site`, by start.
    func confirmed(at site: String) throws -> [Booking] {
        try store.bookings(
            atSite: .init(rawValue: site), startingIn: UTCInterval(start: .distantPast, end: .distantFuture)
        )
        .filter { $0.status == .confirmed }
    }

    func advance(to date: Date) {
        time.advance(bySeconds: max(0, date.timeIntervalSince(time.instant)))
    }

    /// A dermatology request at `site` as its staff send it, on the waiting list when `waitlist`.
    static func body(site: String, patient: String, urgency: String = "routine", waitlist: Bool = true) -> ByteBuffer {
        ByteBuffer(
            string: """
                {"siteId": "\(site)", "patientRef": "\(patient)", "specialty": "dermatology", "mode": "live",
                 "urgency": "\(urgency)", "requiredEquipment": ["dermatoscope"], "durationMinutes": 30,
                 "consent": {"givenBy": "resident", "recordedOn": "2027-03-15"}, "waitlist": \(waitlist)}
                """)
    }
}

/// The parts of waiting-list bodies the tests read.
struct WaitlistBody: Decodable {
    struct Entry: Decodable {
        struct Offer: Decodable {
            var proposalId: String
            var bookingId: String
            var start: Date
            var expiresAt: Date
        }

        var position: Int
        var requestId: String
        var returned: Bool
        var offer: Offer?
    }

    var siteId: String
    var entries: [Entry]
}

struct WaitlistedProposalsBody: Decodable {
    var requestId: String
    var proposals: [ProposalsBody.Proposal]
    var waitlist: WaitlistBody.Entry?
}
