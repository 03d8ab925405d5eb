import Foundation

/// How long a slot stays held for a waiting request: `openHours` of its site's opening time from
/// the offer (4 hours by default: an offer made at 17:00 to a site open 09:00–18:00 runs to 12:00
/// the next open day), and never past the slot's own start.
public struct WaitlistHold: Hashable, Sendable {
    public static let defaultOpenHours: Duration = .seconds(4 * 3600)
    /// How far ahead opening hours are looked for: a site closed longer holds to the slot's start.
    static let searchDays = 62

    public var openHours: Duration

    public init(openHours: Duration = WaitlistHold.defaultOpenHours) {
        self.openHours = openHours
    }

    /// When an offer made at `now` for a slot starting at `slotStart` at `site` expires.
    public func expiry(from now: Date, slotStart: Date, site: Site, holidays: HolidayPolicy) -> Date {
        var left = Double(openHours.components.seconds)
        for interval in Self.openIntervals(of: site, from: now, holidays: holidays) where interval.end > now {
            let start = max(interval.start, now)
            let available = interval.end.timeIntervalSince(start)
            if available >= left { return min(start.addingTimeInterval(left), slotStart) }
            left -= available
        }
        return slotStart
    }

    /// The site's opening intervals from `now`'s day on: its one-off openings when it has them,
    /// else its weekly hours on days it is open (not a closed date, not an observed holiday).
    static func openIntervals(of site: Site, from now: Date, holidays: HolidayPolicy) -> [UTCInterval] {
        if let openings = site.openings { return openings.merged() }
        let clock = WallClock.paris
        let first = clock.localDate(of: now)
        let last = first.adding(days: searchDays)
        var closed = Set(site.closedDates)
        if holidays.observeFrenchPublicHolidays && !site.openOnPublicHolidays {
            closed.formUnion(
                FrenchPublicHolidays.holidays(from: first, through: last, alsaceMoselle: holidays.alsaceMoselle)
                    .map(\.date))
        }
        return clock.intervals(for: site.openingHours, from: first, through: last, excluding: closed)
    }
}
