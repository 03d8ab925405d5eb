import Foundation
import TelemedCore

/// The French public holidays as an iCalendar file of all-day, transparent events named in
/// French, generated from ``FrenchPublicHolidays`` (the rules the solver closes sites and units
/// with) so that the shipped calendar and the schedules always agree.
///
/// The output depends only on the years and the Alsace-Moselle choice: DTSTAMP and
/// LAST-MODIFIED are 1 January of the first year at 00:00 UTC, and all-day events need no
/// VTIMEZONE (whose rules would come from the machine's zone data), so regenerating gives the
/// same bytes on any machine.
///
/// ```swift
/// let ics = try HolidayCalendar(fromYear: 2025, throughYear: 2028).serialized()
/// ```
public struct HolidayCalendar: Sendable {
    public var firstYear: Int
    public var lastYear: Int
    public var alsaceMoselle: Bool

    public init(fromYear firstYear: Int, throughYear lastYear: Int, alsaceMoselle: Bool = false) {
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.alsaceMoselle = alsaceMoselle
    }

    public var holidays: [PublicHoliday] {
        guard firstYear <= lastYear else { return [] }
        return (firstYear...lastYear).flatMap { FrenchPublicHolidays.holidays(in: $0, alsaceMoselle: alsaceMoselle) }
    }

    public func calendar() throws(CalendarError) -> FeedCalendar {
        let region = alsaceMoselle ? " (Alsace-Moselle)" : ""
        var calendar = FeedCalendar(
            name: "Jours fériés\(region) \(firstYear)–\(lastYear)",
            description: "Jours fériés français (Code du travail, art. L3133-1\(alsaceMoselle ? " et L3134-13" : "")), "
                + "générés par telemed : sites et unités sont fermés ces jours-là sauf indication contraire.",
            includesTimeZone: false)
        let stamp = WallClock(identifier: "UTC")!.instant(
            on: LocalDate(year: firstYear, month: 1, day: 1)!, at: .midnight)
        for holiday in holidays {
            let day = WallClock.paris.dayInterval(holiday.date)
            try calendar.addEvent(
                FeedEvent(
                    uid: "ferie-\(holiday.date)@\(FeedUID.domain)",
                    summary: holiday.name, start: day.start, end: day.end, stamp: stamp, allDay: true,
                    transparent: true))
        }
        return calendar
    }

    public func serialized() throws(CalendarError) -> String {
        try calendar().serialized()
    }
}
