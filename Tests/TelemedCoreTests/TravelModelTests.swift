import Foundation
import Testing

@testable import TelemedCore

@Suite("Travel models")
struct TravelModelTests {
    let paris = TravelPoint(id: "paris", location: GeoPoint(latitude: 48.8566, longitude: 2.3522))
    let dijon = TravelPoint(id: "dijon", location: GeoPoint(latitude: 47.3220, longitude: 5.0415))

    private func point(_ id: String) -> TravelPoint {
        TravelPoint(id: id, location: GeoPoint(latitude: 0, longitude: 0))
    }

    @Test("Haversine Paris–Dijon is about 262 km, symmetric, and zero to itself")
    func haversine() {
        let distance = paris.location.greatCircleKilometres(to: dijon.location)
        #expect(abs(distance - 262.68) < 0.05)
        #expect(abs(dijon.location.greatCircleKilometres(to: paris.location) - distance) < 1e-9)
        #expect(paris.location.greatCircleKilometres(to: paris.location) == 0)
    }

    @Test("Road distance is great-circle distance times the road factor")
    func roadFactor() throws {
        let crowFlies = paris.location.greatCircleKilometres(to: dijon.location)
        let standard = try GreatCircleTravelModel().leg(from: paris, to: dijon)
        #expect(abs(standard.kilometres - crowFlies * 1.3) < 1e-9)
        let custom = try GreatCircleTravelModel(roadFactor: 1.5, speedBands: GreatCircleTravelModel.defaultSpeedBands)
        #expect(abs(try custom.leg(from: paris, to: dijon).kilometres - crowFlies * 1.5) < 1e-9)
        // 341.5 km: 10 + 18 + 34.29 min for the first 60 km, then 281.5 km at 85 km/h.
        #expect(abs(standard.minutes - 260.98) < 0.01)
    }

    @Test("Driving time adds up band by band and grows with distance across band edges")
    func monotoneTime() {
        let model = GreatCircleTravelModel()
        #expect(model.minutes(forRoadKilometres: 0) == 0)
        #expect(abs(model.minutes(forRoadKilometres: 5) - 10) < 1e-9)
        #expect(abs(model.minutes(forRoadKilometres: 20) - 28) < 1e-9)
        #expect(abs(model.minutes(forRoadKilometres: 60) - (28 + 40.0 / 70 * 60)) < 1e-9)
        #expect(abs(model.minutes(forRoadKilometres: 145) - (28 + 40.0 / 70 * 60 + 60)) < 1e-9)
        var previous = -1.0
        for step in 0...480 {
            let minutes = model.minutes(forRoadKilometres: Double(step) * 0.25)
            #expect(minutes > previous, "at \(Double(step) * 0.25) km")
            previous = minutes
        }
        for edge in [5.0, 20, 60] {
            #expect(abs(model.minutes(forRoadKilometres: edge + 1e-9) - model.minutes(forRoadKilometres: edge)) < 1e-6)
        }
    }

    @Test("Both models give a zero leg from a point to itself")
    func zeroLeg() throws {
        #expect(try GreatCircleTravelModel().leg(from: dijon, to: dijon) == .zero)
        let matrix = try MatrixTravelModel(csv: "from,to,minutes,kilometres\n", symmetric: false)
        #expect(try matrix.leg(from: dijon, to: dijon) == .zero)
    }

    @Test("Invalid speed bands and road factors are refused")
    func invalidBands() {
        typealias Band = GreatCircleTravelModel.SpeedBand
        let cases: [(Double, [Band])] = [
            (0.9, GreatCircleTravelModel.defaultSpeedBands),
            (1.3, []),
            (1.3, [Band(upToKilometres: 5, kilometresPerHour: 30)]),
            (
                1.3,
                [Band(upToKilometres: nil, kilometresPerHour: 30), Band(upToKilometres: nil, kilometresPerHour: 50)]
            ),
            (
                1.3,
                [
                    Band(upToKilometres: 20, kilometresPerHour: 30), Band(upToKilometres: 5, kilometresPerHour: 50),
                    Band(upToKilometres: nil, kilometresPerHour: 70),
                ]
            ),
            (1.3, [Band(upToKilometres: nil, kilometresPerHour: 0)]),
        ]
        for (factor, bands) in cases {
            #expect(throws: TravelModelError.self) { try GreatCircleTravelModel(roadFactor: factor, speedBands: bands) }
        }
    }

    @Test("A CSV matrix parses, ignores blank lines and fills reverse legs when symmetric")
    func csvSymmetric() throws {
        let csv = "\u{FEFF}from,to,minutes,kilometres\r\n\r\na, b ,12.5,9\r\nb,c,20,15\nc,b,21,15.5\n\n"
        let symmetric = try MatrixTravelModel(csv: csv, symmetric: true)
        #expect(try symmetric.leg(from: point("a"), to: point("b")) == TravelLeg(kilometres: 9, minutes: 12.5))
        #expect(try symmetric.leg(from: point("b"), to: point("a")) == TravelLeg(kilometres: 9, minutes: 12.5))
        #expect(try symmetric.leg(from: point("c"), to: point("b")) == TravelLeg(kilometres: 15.5, minutes: 21))
        #expect(symmetric.legCount == 4)
        let oneWay = try MatrixTravelModel(csv: csv, symmetric: false)
        #expect(oneWay.legCount == 3)
        #expect(throws: TravelModelError.missingLeg(from: "b", to: "a")) {
            try oneWay.leg(from: point("b"), to: point("a"))
        }
        #expect(throws: TravelModelError.missingLeg(from: "a", to: "c")) {
            try symmetric.leg(from: point("a"), to: point("c"))
        }
    }

    static let badCSVs: [(String, TravelModelError)] = [
        ("", .invalidHeader(line: 1, found: "")),
        ("\nfrom,to,kilometres,minutes\n", .invalidHeader(line: 2, found: "from,to,kilometres,minutes")),
        ("from,to,minutes,kilometres\na,b,1,2\n\na,c,3\n", .wrongColumnCount(line: 4, found: 3)),
        ("from,to,minutes,kilometres\na,b,1,2,3\n", .wrongColumnCount(line: 2, found: 5)),
        ("from,to,minutes,kilometres\na,b,ten,2\n", .invalidNumber(line: 2, column: "minutes", value: "ten")),
        ("from,to,minutes,kilometres\na,b,1,nan\n", .invalidNumber(line: 2, column: "kilometres", value: "nan")),
        ("from,to,minutes,kilometres\na,b,1,\n", .invalidNumber(line: 2, column: "kilometres", value: "")),
        ("from,to,minutes,kilometres\n\na,b,-1,2\n", .negativeValue(line: 3, column: "minutes", value: "-1")),
        ("from,to,minutes,kilometres\n,b,1,2\n", .emptyIdentifier(line: 2, column: "from")),
        (
            "from,to,minutes,kilometres\na,b,1,2\nb,a,1,2\na,b,1,2\n",
            .duplicatePair(line: 4, from: "a", to: "b", firstLine: 2)
        ),
    ]

    @Test("Each malformed CSV is refused with its line number and problem", arguments: badCSVs)
    func csvErrors(csv: String, expected: TravelModelError) {
        #expect(throws: expected) { try MatrixTravelModel(csv: csv, symmetric: true) }
        if case .invalidHeader = expected { return }
        #expect(expected.message.hasPrefix("line "))
    }

    @Test("A matrix loads from a file, and a missing file is reported by path")
    func fileLoading() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "telemed-travel-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "from,to,minutes,kilometres\na,b,7,5\n".write(
            to: folder.appendingPathComponent("travel.csv"), atomically: true, encoding: .utf8)

        let settings = TravelSettings.matrix(matrixFile: "travel.csv", symmetric: true)
        let model = try settings.makeModel(relativeTo: folder)
        #expect(try model.leg(from: point("b"), to: point("a")) == TravelLeg(kilometres: 5, minutes: 7))

        let missing = folder.appendingPathComponent("absent.csv")
        #expect {
            try MatrixTravelModel(contentsOf: missing, symmetric: false)
        } throws: { error in
            guard case .unreadableFile(let path, _) = error as? TravelModelError else { return false }
            return path == missing.path
        }
    }

    @Test("TravelSettings round-trips through JSON for both kinds, deterministically")
    func settingsRoundTrip() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let values: [TravelSettings] = [
            .default,
            .greatCircle(
                roadFactor: 1.4,
                speedBands: [
                    .init(upToKilometres: 10, kilometresPerHour: 40),
                    .init(upToKilometres: nil, kilometresPerHour: 80),
                ]),
            .matrix(matrixFile: "travel.csv", symmetric: true),
            .matrix(matrixFile: "/data/osrm.csv", symmetric: false),
        ]
        for value in values {
            let data = try encoder.encode(value)
            #expect(try JSONDecoder().decode(TravelSettings.self, from: data) == value)
            #expect(try encoder.encode(value) == data)
        }
        let matrixJSON = String(decoding: try encoder.encode(values[3]), as: UTF8.self)
        #expect(matrixJSON == #"{"matrixFile":"\/data\/osrm.csv","model":"matrix","symmetric":false}"#)
    }

    @Test("TravelSettings JSON fills documented defaults and rejects unknown models")
    func settingsDecoding() throws {
        func decode(_ json: String) throws -> TravelSettings {
            try JSONDecoder().decode(TravelSettings.self, from: Data(json.utf8))
        }
        #expect(try decode(#"{"model":"greatCircle"}"#) == .default)
        #expect(
            try decode(#"{"model":"greatCircle","roadFactor":1.2}"#)
                == .greatCircle(roadFactor: 1.2, speedBands: GreatCircleTravelModel.defaultSpeedBands))
        #expect(
            try decode(#"{"model":"matrix","matrixFile":"t.csv"}"#) == .matrix(matrixFile: "t.csv", symmetric: false))
        #expect(throws: DecodingError.self) { try decode(#"{"model":"osrm"}"#) }
        #expect(throws: DecodingError.self) { try decode(#"{"model":"matrix"}"#) }
        #expect(throws: TravelModelError.self) {
            try TravelSettings.greatCircle(roadFactor: 0, speedBands: []).makeModel(relativeTo: nil)
        }
    }

    @Test("GreatCircleTravelModel round-trips through JSON and rejects bad bands when decoded")
    func modelCodable() throws {
        let model = try GreatCircleTravelModel(roadFactor: 1.25, speedBands: GreatCircleTravelModel.defaultSpeedBands)
        let decoded = try JSONDecoder().decode(GreatCircleTravelModel.self, from: try JSONEncoder().encode(model))
        #expect(decoded == model)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(GreatCircleTravelModel.self, from: Data(#"{"speedBands":[]}"#.utf8))
        }
    }
}
