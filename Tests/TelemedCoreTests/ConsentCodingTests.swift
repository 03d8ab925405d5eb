import Foundation
import Testing

@testable import TelemedCore

@Suite("Consent in the scenario format")
struct ConsentCodingTests {
    static func data(consent: Any?) throws -> Data {
        let url = try #require(
            Bundle.module.url(forResource: "small-scenario", withExtension: "json", subdirectory: "Fixtures"))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var requests = object["requests"] as! [[String: Any]]
        requests[0]["consent"] = consent
        object["requests"] = requests
        return try JSONSerialization.data(withJSONObject: object)
    }

    @Test("a request's consent reads and writes back; a request without one writes no key")
    func roundTrip() throws {
        let scenario = try ScenarioCoder.decode(
            Self.data(consent: ["givenBy": "representative", "recordedOn": "2027-01-04"]))
        #expect(
            scenario.requests[0].consent
                == Consent(givenBy: .representative, recordedOn: LocalDate(year: 2027, month: 1, day: 4)!))
        #expect(scenario.requests[1].consent == nil)
        let written = String(decoding: try ScenarioCoder.encode(scenario), as: UTF8.self)
        #expect(written.components(separatedBy: "\"consent\"").count == 2)
        #expect(try ScenarioCoder.decode(ScenarioCoder.encode(scenario)) == scenario)
    }

    @Test("an unknown giver is refused listing the accepted ones; an unknown member is reported at its path")
    func refusals() throws {
        #expect {
            try ScenarioCoder.decode(Self.data(consent: ["givenBy": "doctor", "recordedOn": "2027-01-04"]))
        } throws: { error in
            "\(error)".contains("requests[0].consent.givenBy") && "\(error)".contains("\"representative\"")
        }
        let named = try Self.data(consent: ["givenBy": "resident", "recordedOn": "2027-01-04", "name": "Mme X"])
        #expect(UnknownFieldCheck.issues(in: named).map(\.path.description) == ["requests[0].consent.name"])
    }

    @Test("only a live request without consent awaits it")
    func awaitsConsent() throws {
        var request = try ScenarioCoder.decode(Self.data(consent: nil)).requests[0]
        request.mode = .live
        #expect(request.awaitsConsent)
        request.consent = Consent(givenBy: .resident, recordedOn: request.releaseDate)
        #expect(!request.awaitsConsent)
        request.consent = nil
        request.mode = .async
        #expect(!request.awaitsConsent)
    }
}
