import Foundation
import TelemedCore
import Testing

@testable import TelemedCalendar

@Suite("Public holidays calendar")
struct HolidayCalendarTests {
    static let shipped = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Calendars/jours-feries.ics")

    @Test("the shipped Calendars/jours-feries.ics is what telemed generates for 2025–2028, byte for byte")
    func shippedIsGenerated() throws {
        let shipped = try Data(contentsOf: Self.shipped)
        let generated = Data(try HolidayCalendar(fromYear: 2025, throughYear: 2028).serialized().utf8)
        #expect(
            shipped == generated,
            "regenerate: swift run telemed calendar holidays --from 2025 --to 2028 --out Calendars/jours-feries.ics")
    }

    @Test("the shipped calendar holds exactly the days and names the solver closes sites and units on")
    func shippedMatchesSolverDays() throws {
        let parsed = try #require(ParsedCalendar(try String(contentsOf: Self.shipped, encoding: .utf8)))
        #expect(parsed.errorCount == 0)
        #expect(parsed.events.allSatisfy { $0.isAllDay })
        let days = parsed.events.map { event in
            PublicHoliday(
                date: LocalDate(daysSinceEpoch: Int(event.start.timeIntervalSince1970) / 86_400), name: event.summary)
        }
        let solverDays = FrenchPublicHolidays.holidays(
            from: LocalDate(year: 2025, month: 1, day: 1)!, through: LocalDate(year: 2028, month: 12, day: 31)!)
        #expect(days == solverDays)
        #expect(days.count == 44)
        #expect(parsed.events.allSatisfy { $0.end.timeIntervalSince($0.start) == 86_400 })
    }

    @Test("Alsace-Moselle adds Good Friday and Saint-Étienne")
    func alsaceMoselle() throws {
        let calendar = try HolidayCalendar(fromYear: 2027, throughYear: 2027, alsaceMoselle: true).calendar()
        #expect(calendar.events.count == 13)
        #expect(calendar.events.contains { $0.summary == "Vendredi saint" && $0.uid == "ferie-2027-03-26@telemed" })
        #expect(calendar.events.allSatisfy { $0.transparent && $0.allDay })
    }
}
