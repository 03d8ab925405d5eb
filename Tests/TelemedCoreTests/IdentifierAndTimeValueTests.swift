import Foundation
import Testing

@testable import TelemedCore

@Suite("Local dates")
struct LocalDateTests {
    @Test("a date parses from YYYY-MM-DD and formats back to the same text")
    func parseAndFormat() throws {
        let date = try LocalDate("2027-01-04")
        #expect((date.year, date.month, date.day) == (2027, 1, 4))
        #expect(date.description == "2027-01-04")
        #expect(try LocalDate("0987-11-30").description == "0987-11-30")
        #expect(LocalDate(year: 2027, month: 12, day: 31)?.description == "2027-12-31")
    }

    @Test(
        "dates that do not exist or are not written YYYY-MM-DD are rejected",
        arguments: [
            "2027-02-29", "2100-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "2027-01-00", "27-01-04",
            "2027-1-4", "2027/01/04", "", "2027-01-04T00:00", " 2027-01-04", "2027-01", "2027-01-04-01", "abcd-ef-gh",
        ])
    func rejectsInvalidDates(_ text: String) {
        #expect(throws: TimeFormatError.invalidDate(text)) { try LocalDate(text) }
    }

    @Test("signed numbers inside a date are rejected")
    func rejectsSigns() {
        // `Int("+1")` is 1: the parser must check digits itself.
        #expect(throws: TimeFormatError.self) { try LocalDate("2027-+1-04") }
        #expect(throws: TimeFormatError.self) { try LocalDate("+027-01-04") }
    }

    @Test("29 February exists in leap years only, with the century rules")
    func leapYears() throws {
        #expect(LocalDate(year: 2028, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(year: 2027, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate.isLeapYear(2024) && LocalDate.isLeapYear(2400))
        #expect(!LocalDate.isLeapYear(2100) && !LocalDate.isLeapYear(2027))
        #expect(try LocalDate("2028-02-28").adding(days: 1) == LocalDate("2028-02-29"))
        #expect(try LocalDate("2027-02-28").adding(days: 1) == LocalDate("2027-03-01"))
        #expect(try LocalDate("2100-02-28").adding(days: 1) == LocalDate("2100-03-01"))
        #expect(try LocalDate("2027-01-01").days(to: LocalDate("2028-01-01")) == 365)
        #expect(try LocalDate("2028-01-01").days(to: LocalDate("2029-01-01")) == 366)
    }

    @Test("adding days crosses months and years in both directions")
    func arithmetic() throws {
        let monday = try LocalDate("2027-01-04")
        #expect(monday.adding(days: 28) == (try LocalDate("2027-02-01")))
        #expect(monday.adding(days: -4) == (try LocalDate("2026-12-31")))
        #expect(monday.adding(days: 0) == monday)
        #expect(monday.days(to: try LocalDate("2027-01-17")) == 13)
        #expect(try LocalDate("2027-01-17").days(to: monday) == -13)
        #expect(LocalDate(daysSinceEpoch: 0) == (try LocalDate("1970-01-01")))
        #expect(LocalDate(daysSinceEpoch: -1) == (try LocalDate("1969-12-31")))
        #expect(try LocalDate("2027-01-04").daysSinceEpoch == 20_822)
    }

    @Test("day counts and dates convert both ways over several centuries")
    func dayCountRoundTrip() {
        var previous = LocalDate(daysSinceEpoch: -150_001)
        var mismatches: [Int] = []
        for day in -150_000...150_000 {
            let date = LocalDate(daysSinceEpoch: day)
            if date.daysSinceEpoch != day || !(previous < date)
                || LocalDate(year: date.year, month: date.month, day: date.day) != date
            {
                mismatches.append(day)
            }
            previous = date
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    @Test("weekdays follow ISO 8601, Monday first")
    func weekdays() throws {
        #expect(try LocalDate("2027-01-04").weekday == .monday)
        #expect(try LocalDate("2027-01-17").weekday == .sunday)
        #expect(try LocalDate("1970-01-01").weekday == .thursday)
        #expect(try LocalDate("1969-12-31").weekday == .wednesday)
        #expect(try LocalDate("2000-02-29").weekday == .tuesday)
        #expect(try LocalDate("2028-02-29").weekday == .tuesday)
        #expect(try LocalDate("1900-01-01").weekday == .monday)
        #expect(Weekday.monday.isoNumber == 1 && Weekday.sunday.isoNumber == 7)
        #expect(Weekday.sunday > Weekday.monday)
    }

    @Test("a horizon lists its days, both ends included")
    func through() throws {
        let first = try LocalDate("2027-01-04")
        let last = try LocalDate("2027-01-17")
        let days = first.through(last)
        #expect(days.count == 14)
        #expect(days.first == first && days.last == last)
        #expect(last.through(first).isEmpty)
        #expect(first.through(first) == [first])
        #expect(Horizon(start: first, end: last).contains(last))
        #expect(!Horizon(start: first, end: last).contains(last.adding(days: 1)))
    }

    @Test("dates order by year, then month, then day")
    func ordering() throws {
        #expect(try LocalDate("2026-12-31") < LocalDate("2027-01-01"))
        #expect(try LocalDate("2027-01-31") < LocalDate("2027-02-01"))
        #expect(try !(LocalDate("2027-01-04") < LocalDate("2027-01-04")))
    }

    @Test("a date encodes as a JSON string and decodes back")
    func coding() throws {
        let data = try JSONEncoder().encode([try LocalDate("2027-01-04")])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2027-01-04\"]")
        #expect(try JSONDecoder().decode([LocalDate].self, from: data) == [try LocalDate("2027-01-04")])
    }
}

@Suite("Local times of day")
struct LocalTimeTests {
    @Test("times parse from HH:mm and H:mm and format as HH:mm")
    func parse() throws {
        #expect(try LocalTime("00:00").minutesSinceMidnight == 0)
        #expect(try LocalTime("09:05").minutesSinceMidnight == 545)
        #expect(try LocalTime("9:05") == LocalTime("09:05"))
        #expect(try LocalTime("9:05").description == "09:05")
        #expect(try LocalTime("23:59").minutesSinceMidnight == 1439)
        #expect(try (LocalTime("17:30").hour, LocalTime("17:30").minute) == (17, 30))
    }

    @Test("24:00 is the end of the day and formats as 24:00")
    func endOfDay() throws {
        let end = try LocalTime("24:00")
        #expect(end.minutesSinceMidnight == 1440)
        #expect(end == LocalTime.endOfDay)
        #expect(end.description == "24:00")
        #expect(try LocalTime("23:59") < end)
    }

    @Test(
        "times outside 00:00…24:00 or not written HH:mm are rejected",
        arguments: [
            "24:01", "25:00", "12:60", "12:5", "123:00", "12-00", "", "12:00:00", "ab:cd", "12h00", " 9:00", "9:00 ",
            "-1:00", "١٢:٠٠", ":30", "12:",
        ])
    func rejectsInvalidTimes(_ text: String) {
        #expect(throws: TimeFormatError.invalidTime(text)) { try LocalTime(text) }
    }

    @Test("signed numbers inside a time are rejected")
    func rejectsSigns() {
        // `Int("+9")` is 9, so LocalTime accepts these today.
        #expect(throws: TimeFormatError.self) { try LocalTime("+9:00") }
        #expect(throws: TimeFormatError.self) { try LocalTime("09:+5") }
    }

    @Test("the numeric initializers reject times past 24:00")
    func numericBounds() {
        #expect(LocalTime(hour: 24, minute: 0) == LocalTime.endOfDay)
        #expect(LocalTime(hour: 24, minute: 1) == nil)
        #expect(LocalTime(hour: 12, minute: 60) == nil)
        #expect(LocalTime(hour: -1, minute: 0) == nil)
        #expect(LocalTime(minutesSinceMidnight: 1441) == nil)
        #expect(LocalTime(minutesSinceMidnight: -1) == nil)
    }

    @Test("a time encodes as a JSON string and decodes back")
    func coding() throws {
        let data = try JSONEncoder().encode([try LocalTime("08:00"), LocalTime.endOfDay])
        #expect(String(decoding: data, as: UTF8.self) == "[\"08:00\",\"24:00\"]")
        #expect(try JSONDecoder().decode([LocalTime].self, from: data) == [try LocalTime("08:00"), .endOfDay])
    }
}

@Suite("Identifiers and open vocabularies")
struct IdentifierTests {
    @Test("an identifier encodes as a plain JSON string and decodes from one")
    func plainString() throws {
        let site: Site.ID = "E-58-0042"
        #expect(String(decoding: try JSONEncoder().encode(site), as: UTF8.self) == "\"E-58-0042\"")
        #expect(String(decoding: try JSONEncoder().encode([site]), as: UTF8.self) == "[\"E-58-0042\"]")
        #expect(try JSONDecoder().decode(Site.ID.self, from: Data("\"E-58-0042\"".utf8)) == site)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Site.ID.self, from: Data("{\"rawValue\":\"E-58-0042\"}".utf8))
        }
    }

    @Test("an identifier inside an entity is a plain string field")
    func insideEntity() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let host = BookingHost.unitVisit("U-01")
        #expect(
            String(decoding: try encoder.encode(host), as: UTF8.self) == "{\"kind\":\"unitVisit\",\"unitId\":\"U-01\"}")
        #expect(
            String(decoding: try encoder.encode(BookingHost.siteEquipment), as: UTF8.self)
                == "{\"kind\":\"siteEquipment\"}")
    }

    @Test("identifiers compare and print by their raw text")
    func comparison() {
        let a: Specialist.ID = "SP-0001"
        let b = Specialist.ID("SP-0002")
        #expect(a < b)
        #expect(a.description == "SP-0001")
        #expect(Specialist.ID(rawValue: "SP-0001") == a)
    }

    @Test("equipment and specialty names outside the built-in lists round-trip as plain strings")
    func openVocabulary() throws {
        let decoded = try JSONDecoder().decode([Equipment].self, from: Data("[\"ecg\",\"bladderScanner\"]".utf8))
        #expect(decoded == [.ecg, Equipment(rawValue: "bladderScanner")])
        #expect(!Equipment.builtIn.contains(decoded[1]))
        #expect(String(decoding: try JSONEncoder().encode([Specialty.woundCare]), as: UTF8.self) == "[\"woundCare\"]")
    }
}
