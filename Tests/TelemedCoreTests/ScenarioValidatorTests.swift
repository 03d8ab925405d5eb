import Foundation
import Testing

@testable import TelemedCore

/// Each test breaks one thing in the small example and expects exactly the one issue it causes,
/// at its exact JSON path, so a rule that stops firing or starts firing elsewhere fails.
@Suite("Scenario validation")
struct ScenarioValidatorTests {
    /// The issues of the small example after `change`.
    private func issues(after change: (inout Scenario) throws -> Void) throws -> [ValidationIssue] {
        var scenario = try SmallScenario.load()
        try change(&scenario)
        return ScenarioValidator().validate(scenario)
    }

    /// Expects exactly one issue, at `path`, whose message contains `fragment`.
    private func expectSingleIssue(
        _ issues: [ValidationIssue], at path: String, containing fragment: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(issues.map(\.path.description) == [path], "\(issues)", sourceLocation: sourceLocation)
        #expect(
            issues.first?.message.contains(fragment) == true, "\(issues.map(\.message))",
            sourceLocation: sourceLocation)
    }

    private func time(_ text: String) throws -> LocalTime { try LocalTime(text) }
    private func date(_ text: String) throws -> LocalDate { try LocalDate(text) }

    @Test("the small example has no issues")
    func fixtureIsValid() throws {
        let issues = ScenarioValidator().validate(try SmallScenario.load())
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test("a request at an unknown site is reported with the site id")
    func unknownSite() throws {
        let issues = try issues { $0.requests[0].siteId = "E-58-0042" }
        expectSingleIssue(issues, at: "requests[0].siteId", containing: "unknown site \"E-58-0042\"")
        #expect(issues.first?.description == "requests[0].siteId: unknown site \"E-58-0042\"")
    }

    @Test("a negative duration is reported")
    func negativeDuration() throws {
        let issues = try issues { $0.requests[1].durationMinutes = -15 }
        expectSingleIssue(issues, at: "requests[1].durationMinutes", containing: "duration must be positive, found -15")
    }

    @Test("a duration longer than a working day is reported")
    func overlongDuration() throws {
        let issues = try issues { $0.requests[1].durationMinutes = 600 }
        expectSingleIssue(issues, at: "requests[1].durationMinutes", containing: "longer than a working day")
    }

    @Test("a weekly window that ends before it starts is reported at its end")
    func invertedWindow() throws {
        let issues = try issues {
            $0.sites[1].openingHours[0] = WeeklyWindow(day: .monday, start: try time("17:00"), end: try time("09:00"))
        }
        expectSingleIssue(
            issues, at: "sites[1].openingHours[0].end", containing: "not after it starts at 17:00 on monday")
    }

    @Test("overlapping windows on the same day are reported at the later one")
    func overlappingWindows() throws {
        let issues = try issues {
            $0.specialists[0].weeklyAvailability.append(
                WeeklyWindow(day: .monday, start: try time("17:00"), end: try time("19:00")))
        }
        expectSingleIssue(
            issues, at: "specialists[0].weeklyAvailability[2]",
            containing: "overlaps specialists[0].weeklyAvailability[0] (14:00–18:00)")
    }

    @Test("windows that only touch do not overlap")
    func touchingWindows() throws {
        let issues = try issues {
            $0.specialists[0].weeklyAvailability.append(
                WeeklyWindow(day: .monday, start: try time("18:00"), end: try time("19:00")))
        }
        #expect(issues.isEmpty, "\(issues)")
    }

    @Test("a duplicate id is reported at the second use with the first one's position")
    func duplicateId() throws {
        let issues = try issues { $0.specialists[2].id = "SP-0001" }
        expectSingleIssue(
            issues, at: "specialists[2].id", containing: "duplicate id \"SP-0001\" (first used at specialists[0])")
    }

    @Test("a specialty nobody practises is reported")
    func unpractisedSpecialty() throws {
        let issues = try issues { $0.requests[4].specialty = .psychiatry }
        expectSingleIssue(issues, at: "requests[4].specialty", containing: "no specialist practises \"psychiatry\"")
    }

    @Test("equipment no site or unit has is reported at its position in the list")
    func missingEquipment() throws {
        let issues = try issues { $0.requests[0].requiredEquipment.append(.ultrasound) }
        expectSingleIssue(
            issues, at: "requests[0].requiredEquipment[1]", containing: "no site or unit has \"ultrasound\"")
    }

    @Test("equipment only a unit carries counts as provided")
    func unitOnlyEquipment() throws {
        let scenario = try SmallScenario.load()
        #expect(scenario.requests[2].requiredEquipment == [.woundCamera])
        #expect(!scenario.sites.contains { $0.equipment.contains(.woundCamera) })
        let issues = try issues { $0.units[0].equipment.removeAll { $0 == .woundCamera } }
        expectSingleIssue(issues, at: "requests[2].requiredEquipment[0]", containing: "\"woundCamera\"")
    }

    @Test("an earliest date after the horizon is reported")
    func earliestDateOutsideHorizon() throws {
        let issues = try issues { $0.requests[3].earliestDate = try date("2027-01-18") }
        expectSingleIssue(
            issues, at: "requests[3].earliestDate",
            containing: "earliest date 2027-01-18 is outside the horizon 2027-01-04 … 2027-01-17")
    }

    @Test("a release date after the horizon is reported")
    func releaseDateAfterHorizon() throws {
        let issues = try issues { $0.requests[0].releaseDate = try date("2027-02-01") }
        expectSingleIssue(
            issues, at: "requests[0].releaseDate", containing: "release date 2027-02-01 is outside the horizon")
    }

    @Test("a booking starting after the horizon, in Paris time, is reported")
    func bookingAfterHorizon() throws {
        // 23:30Z on the 17th is 00:30 on the 18th in Paris.
        let start = Date(timeIntervalSince1970: 1_800_228_600)
        let issues = try issues {
            $0.bookings[0].start = start
            $0.bookings[0].end = start.addingTimeInterval(20 * 60)
            $0.bookings[0].review = UTCInterval(
                start: start.addingTimeInterval(3600), end: start.addingTimeInterval(3600 + 20 * 60))
        }
        expectSingleIssue(issues, at: "bookings[0].start", containing: "start date 2027-01-18 is outside the horizon")
    }

    @Test("a malformed RPPS number is reported")
    func malformedRPPS() throws {
        let issues = try issues { $0.specialists[1].rpps = "1010234567" }
        expectSingleIssue(issues, at: "specialists[1].rpps", containing: "\"1010234567\" is not an RPPS number")
    }

    @Test("a malformed FINESS number is reported")
    func malformedFINESS() throws {
        let issues = try issues { $0.sites[0].finess = "58999001A" }
        expectSingleIssue(issues, at: "sites[0].finess", containing: "\"58999001A\" is not a FINESS number")
    }

    @Test("an EHPAD without a FINESS number is reported")
    func missingFINESS() throws {
        let issues = try issues { $0.sites[1].finess = nil }
        expectSingleIssue(issues, at: "sites[1].finess", containing: "an EHPAD needs its FINESS number")
    }

    @Test("a malformed INSEE commune code is reported, and Corsican codes are accepted")
    func malformedINSEE() throws {
        let issues = try issues { $0.sites[2].inseeCode = "2C584" }
        expectSingleIssue(issues, at: "sites[2].inseeCode", containing: "\"2C584\" is not an INSEE commune code")
        let depotIssues = try self.issues { $0.units[0].depot.inseeCode = "5806" }
        expectSingleIssue(depotIssues, at: "units[0].depot.inseeCode", containing: "\"5806\"")
        #expect(try self.issues { $0.sites[2].inseeCode = "2A004" }.isEmpty)
    }

    @Test("an unknown preferred specialist is reported")
    func unknownPreferredSpecialist() throws {
        let issues = try issues { $0.requests[1].preferredSpecialistId = "SP-0099" }
        expectSingleIssue(issues, at: "requests[1].preferredSpecialistId", containing: "unknown specialist \"SP-0099\"")
    }

    @Test("a preferred specialist of another specialty is reported")
    func preferredSpecialistOfOtherSpecialty() throws {
        let issues = try issues { $0.requests[1].preferredSpecialistId = "SP-0001" }
        expectSingleIssue(
            issues, at: "requests[1].preferredSpecialistId", containing: "\"SP-0001\" does not practise \"cardiology\"")
    }

    @Test("a booking hosted by an unknown unit is reported")
    func bookingUnknownUnit() throws {
        let issues = try issues { $0.bookings[0].host = .unitVisit("U-09") }
        expectSingleIssue(issues, at: "bookings[0].host.unitId", containing: "unknown unit \"U-09\"")
    }

    @Test("a booking at another site than its request's is reported")
    func bookingSiteMismatch() throws {
        let issues = try issues { $0.bookings[0].siteId = "E-58-0001" }
        expectSingleIssue(
            issues, at: "bookings[0].siteId", containing: "the request \"R-0006\" is for site \"T-21-0001\"")
    }

    @Test("a lunch break longer than its window is reported")
    func lunchBreakDoesNotFit() throws {
        let issues = try issues {
            $0.units[0].lunchBreak = LunchBreak(
                earliestStart: try time("12:00"), latestEnd: try time("12:30"), minutes: 45)
        }
        expectSingleIssue(
            issues, at: "units[0].lunchBreak", containing: "a 45-minute break does not fit between 12:00 and 12:30")
    }

    @Test("a lunch break window outside the shift is reported")
    func lunchBreakOutsideShift() throws {
        let issues = try issues {
            $0.units[0].lunchBreak = LunchBreak(
                earliestStart: try time("17:00"), latestEnd: try time("18:30"), minutes: 45)
        }
        expectSingleIssue(issues, at: "units[0].lunchBreak", containing: "17:00–18:30 is outside the shift")
    }

    @Test("a recurring stop on a day the unit does not operate is reported")
    func recurringStopOnDayOff() throws {
        let issues = try issues { $0.units[0].recurringStops[0].day = .friday }
        expectSingleIssue(
            issues, at: "units[0].recurringStops[0].day", containing: "the unit does not operate on friday")
    }

    @Test("a broken site reference, a negative duration and an inverted window are reported together")
    func severalIssuesAtOnce() throws {
        let issues = try issues {
            $0.requests[0].siteId = "E-58-0042"
            $0.requests[1].durationMinutes = -15
            $0.sites[1].openingHours[0] = WeeklyWindow(day: .monday, start: try time("17:00"), end: try time("09:00"))
        }
        #expect(
            Set(issues.map(\.path.description))
                == ["requests[0].siteId", "requests[1].durationMinutes", "sites[1].openingHours[0].end"])
        #expect(issues.count == 3, "\(issues)")
    }

    @Test("a time resolution that does not divide a minute into whole milliseconds is reported")
    func ticksPerMinute() throws {
        expectSingleIssue(try issues { $0.ticksPerMinute = 7 }, at: "ticksPerMinute", containing: "7 ticks per minute")
        #expect(try issues { $0.ticksPerMinute = 1000 }.isEmpty)
    }

    @Test("a site with an empty or inverted one-off opening is reported; openings replace weekly hours")
    func openings() throws {
        let empty = try issues {
            $0.sites[0].openingHours = []
            $0.sites[0].openings = []
        }
        expectSingleIssue(empty, at: "sites[0].openings", containing: "never open")
        let start = WallClock.paris.instant(on: try date("2027-01-05"), at: try time("10:00"))
        let inverted = try issues {
            $0.sites[0].openingHours = []
            $0.sites[0].openings = [UTCInterval(start: start, end: start.addingTimeInterval(-60))]
        }
        expectSingleIssue(inverted, at: "sites[0].openings[0].end", containing: "not after it starts")
        let fine = try issues {
            $0.sites[0].openingHours = []
            $0.sites[0].openings = [UTCInterval(start: start, end: start.addingTimeInterval(3600))]
        }
        #expect(fine.isEmpty, "\(fine)")
    }

    @Test("crew requests need no specialist but allow no preferred one; a negative load is reported")
    func crewRequests() throws {
        let crew = try issues {
            $0.requests[0].mode = .crew
            $0.requests[0].specialty = .screening
        }
        #expect(crew.isEmpty, "\(crew)")
        let preferred = try issues {
            $0.requests[1].mode = .crew
            $0.requests[1].load = -1
        }
        #expect(preferred.map(\.path.description) == ["requests[1].preferredSpecialistId", "requests[1].load"])
    }

    @Test("a crew booking names no specialist and is hosted by a unit; other bookings name one")
    func crewBookings() throws {
        let scenario = try SmallScenario.load()
        let booked = try #require(scenario.bookings.first)
        let request = try #require(scenario.requests.firstIndex { $0.id == booked.requestId })
        let named = try issues {
            $0.requests[request].mode = .crew
            $0.requests[request].preferredSpecialistId = nil
        }
        #expect(named.map(\.path.description).contains("bookings[0].specialistId"), "\(named)")
        let missing = try issues { $0.bookings[0].specialistId = nil }
        expectSingleIssue(missing, at: "bookings[0].specialistId", containing: "needs its specialist")
    }

    // MARK: Recurring stops on a pattern (the fixture's stop: Tuesdays 09:00–12:30 at T-21-0001;
    // horizon 2027-01-04 … 2027-01-17, so Tuesdays 01-05 and 01-12)

    /// A pattern the fixture's Tuesday stop cannot have, the field reported and the message's gist.
    struct ImpossiblePattern: Sendable, CustomTestStringConvertible {
        var everyWeeks: Int? = nil
        var anchor: String? = nil
        var weekOfMonth: Int? = nil
        let field: String
        let message: String

        var testDescription: String { "\(field): \(message)" }
    }

    static let impossiblePatterns = [
        ImpossiblePattern(everyWeeks: 0, field: "everyWeeks", message: "every 0 weeks: use 1 to 52"),
        ImpossiblePattern(everyWeeks: -2, field: "everyWeeks", message: "every -2 weeks: use 1 to 52"),
        ImpossiblePattern(everyWeeks: 53, field: "everyWeeks", message: "every 53 weeks: use 1 to 52"),
        // An anchor is not judged against a spacing that makes no sense: one issue, not two.
        ImpossiblePattern(
            everyWeeks: 0, anchor: "2027-01-06", field: "everyWeeks", message: "every 0 weeks: use 1 to 52"),
        ImpossiblePattern(
            everyWeeks: 2, field: "anchorDate", message: "a stop every 2 weeks needs an anchor date: a tuesday"),
        ImpossiblePattern(
            everyWeeks: 2, anchor: "2027-01-06", field: "anchorDate",
            message: "2027-01-06 is a wednesday, not a tuesday"),
        ImpossiblePattern(
            anchor: "2027-01-05", field: "anchorDate", message: "only a stop every 2 weeks or more has an anchor date"),
        ImpossiblePattern(
            everyWeeks: 1, anchor: "2027-01-05", field: "anchorDate",
            message: "only a stop every 2 weeks or more has an anchor date"),
        ImpossiblePattern(weekOfMonth: 0, field: "weekOfMonth", message: "week 0 of the month: use 1 to 4"),
        ImpossiblePattern(weekOfMonth: 5, field: "weekOfMonth", message: "week 5 of the month: use 1 to 4"),
        ImpossiblePattern(weekOfMonth: -2, field: "weekOfMonth", message: "week -2 of the month: use 1 to 4"),
        ImpossiblePattern(
            everyWeeks: 2, anchor: "2027-01-05", weekOfMonth: 1, field: "weekOfMonth",
            message: "the first tuesday of the month cannot also come every 2 weeks"),
    ]

    @Test("each impossible pattern of a recurring stop is reported once, at its field", arguments: impossiblePatterns)
    func impossiblePattern(_ pattern: ImpossiblePattern) throws {
        let found = try issues {
            $0.units[0].recurringStops[0].everyWeeks = pattern.everyWeeks
            $0.units[0].recurringStops[0].anchorDate = try pattern.anchor.map(date)
            $0.units[0].recurringStops[0].weekOfMonth = pattern.weekOfMonth
        }
        expectSingleIssue(found, at: "units[0].recurringStops[0].\(pattern.field)", containing: pattern.message)
    }

    @Test("the last week of the month with everyWeeks 1, and a valid fortnightly stop, are fine")
    func possiblePatterns() throws {
        let monthly = try issues {
            $0.units[0].recurringStops[0].weekOfMonth = -1
            $0.units[0].recurringStops[0].everyWeeks = 1
        }
        #expect(monthly.isEmpty, "\(monthly)")
        let fortnightly = try issues {
            $0.units[0].recurringStops[0].everyWeeks = 2
            $0.units[0].recurringStops[0].anchorDate = try date("2026-12-29")
        }
        #expect(fortnightly.isEmpty, "\(fortnightly)")
    }

    @Test("two stops at the same time overlap only when they fall on the same date of the horizon")
    func overlapOnlyOnSharedDates() throws {
        func twoStops(_ first: String, _ second: String) throws -> [ValidationIssue] {
            try issues {
                var stop = $0.units[0].recurringStops[0]
                stop.everyWeeks = 2
                stop.anchorDate = try date(first)
                var other = stop
                other.siteId = "E-58-0002"
                other.anchorDate = try date(second)
                $0.units[0].recurringStops = [stop, other]
            }
        }
        // Even and odd weeks: never the same Tuesday.
        let alternating = try twoStops("2027-01-05", "2027-01-12")
        #expect(alternating.isEmpty, "\(alternating)")
        // Anchors four weeks apart: the same Tuesdays.
        expectSingleIssue(
            try twoStops("2027-01-05", "2027-02-02"), at: "units[0].recurringStops[1]",
            containing: "overlaps another tuesday stop (09:00–12:30) on 2027-01-05")
        // A weekly stop meets a fortnightly one on each of the fortnightly's dates.
        let weekly = try issues {
            var other = $0.units[0].recurringStops[0]
            other.siteId = "E-58-0002"
            other.weekOfMonth = 2
            $0.units[0].recurringStops.append(other)
        }
        expectSingleIssue(
            weekly, at: "units[0].recurringStops[1]",
            containing: "overlaps another tuesday stop (09:00–12:30) on 2027-01-12")
    }
}
