import TelemedCore
import Testing

@Suite("Activity periods and calendar months")
struct ActivityPeriodTests {
    static func date(_ text: String) -> LocalDate { try! LocalDate(text) }

    @Test("a period lists the months it touches, across a year's end, the first and last partial")
    func months() throws {
        let period = try ActivityPeriod(from: Self.date("2026-11-15"), to: Self.date("2027-02-03"))
        #expect(period.months.map(\.description) == ["2026-11", "2026-12", "2027-01", "2027-02"])
        #expect(period.days.count == 81)
        #expect(try ActivityPeriod(from: Self.date("2027-03-31"), to: Self.date("2027-03-31")).months.count == 1)
    }

    @Test("the last three months end on today and start on the first of the month two months before")
    func lastMonths() {
        let period = ActivityPeriod.lastMonths(3, endingOn: Self.date("2027-02-10"))
        #expect(period.from == Self.date("2026-12-01") && period.to == Self.date("2027-02-10"))
        #expect(ActivityPeriod.lastMonths(1, endingOn: Self.date("2027-02-10")).from == Self.date("2027-02-01"))
    }

    @Test("a period backwards or over ten years is refused, saying what to do")
    func refused() {
        #expect(throws: ActivityPeriodError.reversed(from: Self.date("2027-02-01"), to: Self.date("2027-01-31"))) {
            try ActivityPeriod(from: Self.date("2027-02-01"), to: Self.date("2027-01-31"))
        }
        #expect(throws: ActivityPeriodError.tooLong(days: 3_654)) {
            try ActivityPeriod(from: Self.date("2017-01-01"), to: Self.date("2027-01-02"))
        }
        #expect((try? ActivityPeriod(from: Self.date("2017-01-01"), to: Self.date("2027-01-01"))) != nil)
        #expect(
            ActivityPeriodError.reversed(from: Self.date("2027-02-01"), to: Self.date("2027-01-31")).description
                .contains("give the earlier date first"))
    }

    @Test("a calendar month reads and writes YYYY-MM, knows its last day and steps back across years")
    func calendarMonth() throws {
        let february = try CalendarMonth("2028-02")
        #expect(february.last == Self.date("2028-02-29"))
        #expect(february.next.description == "2028-03")
        #expect(february.previous(2).description == "2027-12")
        #expect(throws: TimeFormatError.self) { try CalendarMonth("2028-13") }
        #expect(FrenchVocabulary.monthHeading(february) == "Février 2028")
        let decoded = try ScenarioCoder.decode(CalendarMonth.self, from: ScenarioCoder.encode(february))
        #expect(decoded == february)
    }
}
