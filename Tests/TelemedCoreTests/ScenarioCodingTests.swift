import Foundation
import Testing

@testable import TelemedCore

/// The small example scenario shipped as a test fixture and shown in `docs/scenario-format.md`.
enum SmallScenario {
    static var url: URL {
        get throws {
            try #require(
                Bundle.module.url(forResource: "small-scenario", withExtension: "json", subdirectory: "Fixtures"))
        }
    }

    static func data() throws -> Data { try Data(contentsOf: url) }

    static func load() throws -> Scenario { try ScenarioCoder.decode(data()) }

    /// The fixture's JSON with one value replaced (or removed, when `value` is nil) at a path
    /// written like a validation message: `sites[1].rooms`.
    static func data(setting value: Any?, at path: String) throws -> Data {
        let root = try JSONSerialization.jsonObject(with: data())
        let edited = try #require(JSONEdit.replacing(JSONEdit.components(of: path)[...], in: root, with: value))
        return try JSONSerialization.data(withJSONObject: edited)
    }
}

/// Edits a `JSONSerialization` tree at a path such as `units[0].shift.start`.
enum JSONEdit {
    static func components(of path: String) -> [JSONPath.Component] {
        var components: [JSONPath.Component] = []
        for part in path.split(separator: ".") {
            let pieces = part.split(separator: "[")
            components.append(.key(String(pieces[0])))
            for index in pieces.dropFirst() {
                components.append(.index(Int(index.dropLast())!))
            }
        }
        return components
    }

    static func replacing(_ path: ArraySlice<JSONPath.Component>, in node: Any, with value: Any?) -> Any? {
        guard let first = path.first else { return value }
        let rest = path.dropFirst()
        switch first {
        case .key(let name):
            guard var object = node as? [String: Any] else { return nil }
            if rest.isEmpty {
                object[name] = value
            } else {
                guard let child = object[name], let replaced = replacing(rest, in: child, with: value) else {
                    return nil
                }
                object[name] = replaced
            }
            return object
        case .index(let position):
            guard var array = node as? [Any], array.indices.contains(position),
                let replaced = replacing(rest, in: array[position], with: value)
            else { return nil }
            array[position] = replaced
            return array
        }
    }
}

@Suite("Scenario JSON coding")
struct ScenarioCodingTests {
    @Test("the small example decodes with the values written in it")
    func fixtureDecodes() throws {
        let scenario = try SmallScenario.load()
        #expect(scenario.formatVersion == 1)
        #expect(scenario.horizon == Horizon(start: try LocalDate("2027-01-04"), end: try LocalDate("2027-01-17")))
        #expect(scenario.horizon.days.count == 14)
        #expect(scenario.sites.map(\.id) == ["E-58-0001", "E-58-0002", "T-21-0001"])
        #expect(scenario.sites.map(\.kind) == [.ehpad, .ehpad, .townPoint])
        #expect(scenario.sites[0].rooms == 2)
        #expect(scenario.sites[0].departmentCode == "58")
        #expect(scenario.sites[2].departmentCode == "21")
        #expect(scenario.sites[2].finess == nil)
        #expect(
            scenario.sites[2].openingHours[1]
                == WeeklyWindow(day: .tuesday, start: try LocalTime("14:00"), end: try LocalTime("17:00")))
        #expect(
            scenario.specialists.map(\.specialties) == [["dermatology"], ["cardiology", "geriatrics"], ["woundCare"]])
        let exception = try #require(scenario.specialists[0].exceptions.first)
        #expect(exception.kind == .unavailable)
        #expect(exception.start == Date(timeIntervalSince1970: 1_799_672_400))  // 2027-01-11T13:00:00Z
        #expect(exception.note == "congrès")
        let unit = try #require(scenario.units.first)
        #expect(
            unit.lunchBreak
                == LunchBreak(earliestStart: try LocalTime("12:00"), latestEnd: try LocalTime("14:00"), minutes: 45))
        #expect(unit.capacityPerDay == 10)
        #expect(unit.routeCutoff == (try LocalTime("17:00")))
        #expect(
            unit.recurringStops == [
                RecurringStop(
                    day: .tuesday, siteId: "T-21-0001", arrival: try LocalTime("09:00"),
                    departure: try LocalTime("12:30"))
            ])
        #expect(scenario.requests.count == 6)
        // `crew` is unit-only work (and imported routing benchmarks); care teams book the other two.
        #expect(Set(scenario.requests.map(\.mode)) == [.live, .async])
        #expect(Set(scenario.requests.map(\.urgency)) == Set(Urgency.allCases))
        #expect(scenario.requests[1].preferredSpecialistId == "SP-0002")
        #expect(scenario.requests[3].firstPossibleDate == (try LocalDate("2027-01-11")))
        #expect(scenario.requests[4].requiredEquipment.isEmpty)
        let booking = try #require(scenario.bookings.first)
        #expect(booking.host == .unitVisit("U-01"))
        #expect(booking.status == .confirmed && booking.status.isPinned)
        #expect(booking.interval.minutes == 20)
        #expect(booking.specialistInterval == booking.review)
        #expect(
            scenario.travel
                == .greatCircle(roadFactor: 1.3, speedBands: GreatCircleTravelModel.defaultSpeedBands))
    }

    @Test("the small example's local rules fall on the right UTC instants")
    func fixtureBookingIsInParisMorning() throws {
        let scenario = try SmallScenario.load()
        let booking = try #require(scenario.bookings.first)
        // 09:00Z is 10:00 in Paris in January (UTC+1), inside the Tuesday stop at Saulieu.
        #expect(WallClock.paris.localDate(of: booking.start) == (try LocalDate("2027-01-12")))
        #expect(WallClock.paris.localTime(of: booking.start) == (try LocalTime("10:00")))
        #expect((try LocalDate("2027-01-12")).weekday == scenario.units[0].recurringStops[0].day)
    }

    @Test("encoding then decoding gives back an equal scenario")
    func roundTrip() throws {
        let scenario = try SmallScenario.load()
        let decoded = try ScenarioCoder.decode(ScenarioCoder.encode(scenario))
        #expect(decoded == scenario)
    }

    @Test("encoding the same scenario twice gives identical bytes, with sorted keys and a final newline")
    func encodingIsStable() throws {
        let scenario = try SmallScenario.load()
        let first = try ScenarioCoder.encode(scenario)
        let second = try ScenarioCoder.encode(scenario)
        let again = try ScenarioCoder.encode(ScenarioCoder.decode(first))
        #expect(first == second)
        #expect(again == first)
        let text = try #require(String(data: first, encoding: .utf8))
        #expect(text.hasSuffix("}\n"))
        #expect(text.contains("\"start\" : \"2027-01-12T09:00:00Z\""))
        let asyncReview = try #require(text.range(of: "\"asyncReviewDays\""))
        let bookings = try #require(text.range(of: "\"bookings\""))
        #expect(asyncReview.lowerBound < bookings.lowerBound)
    }

    @Test("absent optional fields take their documented defaults")
    func defaults() throws {
        let json = """
            {
              "formatVersion": 1,
              "name": "minimal",
              "horizon": {"start": "2027-01-04", "end": "2027-01-10"},
              "sites": [{
                "id": "E-58-0001", "kind": "ehpad", "name": "EHPAD", "finess": "589990011",
                "inseeCode": "58079", "commune": "Clamecy",
                "location": {"latitude": 47.45983, "longitude": 3.51896},
                "openingHours": [{"day": "monday", "start": "09:00", "end": "17:00"}]
              }],
              "specialists": [{
                "id": "SP-0001", "name": "Dr A", "rpps": "10101234561", "specialties": ["geriatrics"],
                "weeklyAvailability": [{"day": "monday", "start": "09:00", "end": "12:00"}],
                "maxSessionsPerDay": 4
              }],
              "units": [{
                "id": "U-01", "name": "Unit", "crew": "orthoptist",
                "depot": {"name": "Depot", "inseeCode": "58062", "location": {"latitude": 47.06459, "longitude": 3.93256}},
                "operatingDays": ["monday"], "shift": {"start": "08:00", "end": "17:00"},
                "setupMinutes": 10, "maxDrivingMinutesPerDay": 180
              }],
              "requests": [{
                "id": "R-0001", "siteId": "E-58-0001", "patientRef": "P-1", "specialty": "geriatrics",
                "mode": "live", "durationMinutes": 30, "urgency": "routine", "releaseDate": "2027-01-04"
              }]
            }
            """
        let scenario = try ScenarioCoder.decode(Data(json.utf8))
        #expect(scenario.provenance == nil)
        #expect(scenario.timeZone == "Europe/Paris")
        #expect(scenario.holidays == HolidayPolicy(observeFrenchPublicHolidays: true, alsaceMoselle: false))
        #expect(scenario.urgencyDelays == UrgencyTable(urgent: 2, soon: 7, routine: 28))
        #expect(scenario.asyncReviewDays == 3)
        #expect(scenario.weights == ObjectiveWeights())
        #expect(scenario.weights.served == UrgencyTable(urgent: 100, soon: 10, routine: 1))
        #expect(scenario.travel == .default)
        #expect(scenario.bookings.isEmpty)

        let site = try #require(scenario.sites.first)
        #expect(site.beds == nil)
        #expect(site.address == "")
        #expect(site.nurseHours.isEmpty)
        #expect(site.rooms == 1)
        #expect(site.equipment.isEmpty)
        #expect(site.closedDates.isEmpty)
        #expect(site.openOnPublicHolidays == false)

        let specialist = try #require(scenario.specialists.first)
        #expect(specialist.exceptions.isEmpty)
        #expect(specialist.videoLink == nil)

        let unit = try #require(scenario.units.first)
        #expect(unit.equipment.isEmpty)
        #expect(unit.lunchBreak == nil)
        #expect(unit.capacityPerDay == nil)
        #expect(unit.recurringStops.isEmpty)
        #expect(unit.unavailableDates.isEmpty)
        #expect(unit.routeCutoff == (try LocalTime("18:00")))

        let request = try #require(scenario.requests.first)
        #expect(request.requiredEquipment.isEmpty)
        #expect(request.earliestDate == nil)
        #expect(request.firstPossibleDate == request.releaseDate)
        #expect(request.preferredSpecialistId == nil)

        #expect(ScenarioValidator().validate(scenario).isEmpty)
    }

    @Test("a partial weights object keeps the defaults of the weights it leaves out")
    func partialWeights() throws {
        let data = try SmallScenario.data(setting: ["travelMinute": 0.2], at: "weights")
        let scenario = try ScenarioCoder.decode(data)
        #expect(scenario.weights.travelMinute == 0.2)
        #expect(scenario.weights.served == ObjectiveWeights().served)
        #expect(scenario.weights.territorialFairness == ObjectiveWeights().territorialFairness)
    }

    @Test("a travel matrix setting decodes, with symmetric false when absent")
    func matrixTravel() throws {
        let data = try SmallScenario.data(setting: ["model": "matrix", "matrixFile": "travel.csv"], at: "travel")
        #expect(try ScenarioCoder.decode(data).travel == .matrix(matrixFile: "travel.csv", symmetric: false))
    }

    @Test("malformed JSON is reported at the document root")
    func malformedJSON() throws {
        var text = try #require(String(data: SmallScenario.data(), encoding: .utf8))
        text.removeLast(3)  // cut the closing brackets
        let error = #expect(throws: ScenarioDecodingError.self) { try ScenarioCoder.decode(Data(text.utf8)) }
        #expect(error?.path == "")
        #expect(error?.message.isEmpty == false)
    }

    @Test("a value of the wrong type names its path")
    func wrongType() throws {
        let data = try SmallScenario.data(setting: "two", at: "sites[1].rooms")
        let error = #expect(throws: ScenarioDecodingError.self) { try ScenarioCoder.decode(data) }
        #expect(error?.path == "sites[1].rooms")
        #expect(error?.message == "expected a number")
        #expect(error?.description == "sites[1].rooms: expected a number")
    }

    @Test("a missing required field names its path")
    func missingField() throws {
        let data = try SmallScenario.data(setting: nil, at: "sites[1].inseeCode")
        let error = #expect(throws: ScenarioDecodingError.self) { try ScenarioCoder.decode(data) }
        #expect(error?.path == "sites[1].inseeCode")
        #expect(error?.message == "required field is missing")
    }

    @Test("a null where a value is required names its path")
    func nullValue() throws {
        let data = try SmallScenario.data(setting: NSNull(), at: "requests[2].durationMinutes")
        let error = #expect(throws: ScenarioDecodingError.self) { try ScenarioCoder.decode(data) }
        #expect(error?.path == "requests[2].durationMinutes")
        #expect(error?.message == "expected a number, found null")
    }

    @Test("a time of day such as 25:00 names its path and the value")
    func badTime() throws {
        let data = try SmallScenario.data(setting: "25:00", at: "units[0].shift.start")
        let error = #expect(throws: ScenarioDecodingError.self) { try ScenarioCoder.decode(data) }
        #expect(error?.path == "units[0].shift.start")
        #expect(error?.message.contains("\"25:00\" is not a time of day") == true)
    }

    @Test("a date that does not exist names its path and the value")
    func badDate() throws {
        let data = try SmallScenario.data(setting: "2027-02-30", at: "requests[2].releaseDate")
        let error = #expect(throws: ScenarioDecodingError.self) { try ScenarioCoder.decode(data) }
        #expect(error?.path == "requests[2].releaseDate")
        #expect(error?.message.contains("\"2027-02-30\" is not a date") == true)
    }

    @Test("an instant without an offset names its path")
    func badInstant() throws {
        let data = try SmallScenario.data(setting: "2027-01-12T09:00:00", at: "bookings[0].start")
        let error = #expect(throws: ScenarioDecodingError.self) { try ScenarioCoder.decode(data) }
        #expect(error?.path == "bookings[0].start")
        #expect(error?.message.contains("is not an instant") == true)
    }

    @Test("an instant with a +01:00 offset is read as the same UTC instant")
    func instantWithOffset() throws {
        let data = try SmallScenario.data(setting: "2027-01-12T10:00:00+01:00", at: "bookings[0].start")
        let scenario = try ScenarioCoder.decode(data)
        #expect(scenario.bookings[0].start == (try SmallScenario.load()).bookings[0].start)
    }

    @Test("an unknown enumeration value names its path")
    func unknownEnumValue() throws {
        let data = try SmallScenario.data(setting: "sometimes", at: "requests[0].urgency")
        let error = #expect(throws: ScenarioDecodingError.self) { try ScenarioCoder.decode(data) }
        #expect(error?.path == "requests[0].urgency")
    }

    @Test("docs/scenario-format.md shows the small example byte for byte")
    func documentationShowsFixture() throws {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/scenario-format.md")
        let documentation = try String(contentsOf: docs, encoding: .utf8)
        let fixture = try #require(String(data: SmallScenario.data(), encoding: .utf8))
        #expect(documentation.contains("```json\n" + fixture + "```\n"))
    }

    @Test("instants are written with milliseconds only when they are not whole seconds, and read back exactly")
    func fractionalInstants() throws {
        let whole = try #require(ScenarioCoder.parseInstant("2027-01-03T23:09:24Z"))
        #expect(ScenarioCoder.formatInstant(whole) == "2027-01-03T23:09:24Z")
        let tick = whole.addingTimeInterval(0.06)
        #expect(ScenarioCoder.formatInstant(tick) == "2027-01-03T23:09:24.060Z")
        let interval = UTCInterval(start: tick, end: tick.addingTimeInterval(36 * 60))
        let decoded = try ScenarioCoder.decode(UTCInterval.self, from: ScenarioCoder.encode(interval))
        #expect(abs(decoded.start.timeIntervalSince(tick)) < 1e-6)
        #expect(abs(decoded.end.timeIntervalSince(interval.end)) < 1e-6)
    }
}
