import Foundation
import TelemedCore

/// Calendar facts of `docs/constraints.md`, derived per horizon date in Paris local time. Interval
/// lists are sorted, disjoint and merged when they touch.
extension PlanCheckContext {
    var horizonDates: [LocalDate] { scenario.horizon.days }

    /// Local midnight after the horizon's last day: every interval ends by then.
    var horizonEnd: Date { instant(on: scenario.horizon.end.adding(days: 1), at: .midnight) }

    /// Weekly windows on every horizon date not in `closed`.
    func weeklyIntervals(_ windows: [WeeklyWindow], excluding closed: Set<LocalDate>) -> [UTCInterval] {
        var raw: [UTCInterval] = []
        for date in horizonDates where !closed.contains(date) {
            for window in windows where window.day == date.weekday && window.start < window.end {
                raw.append(
                    UTCInterval(start: instant(on: date, at: window.start), end: instant(on: date, at: window.end)))
            }
        }
        return Self.merged(raw)
    }

    /// A public holiday (when observed) unless the site opens on them, or one of its closed dates.
    func closedDays(of site: Site) -> Set<LocalDate> {
        (site.openOnPublicHolidays ? [] : holidays).union(site.closedDates)
    }

    /// Explicit `openings` when the site has them, else weekly hours on its open days.
    func siteOpenIntervals(_ site: Site) -> [UTCInterval] {
        if let cached = siteOpenCache[site.id] { return cached }
        let value =
            site.openings.map(Self.merged) ?? weeklyIntervals(site.openingHours, excluding: closedDays(of: site))
        siteOpenCache[site.id] = value
        return value
    }

    /// Nurse hours ∩ site open.
    func nursePresentIntervals(_ site: Site) -> [UTCInterval] {
        if let cached = nurseCache[site.id] { return cached }
        let nurse = weeklyIntervals(site.nurseHours, excluding: site.openings == nil ? closedDays(of: site) : holidays)
        let value = Self.intersection(nurse, siteOpenIntervals(site))
        nurseCache[site.id] = value
        return value
    }

    /// Weekly availability on non-holiday horizon dates, minus `unavailable`, plus `available`.
    func specialistAvailableIntervals(_ specialist: Specialist) -> [UTCInterval] {
        if let cached = specialistCache[specialist.id] { return cached }
        let weekly = weeklyIntervals(specialist.weeklyAvailability, excluding: holidays)
        let exceptions = specialist.exceptions.map { ($0.kind, UTCInterval(start: $0.start, end: $0.end)) }
        let off = Self.merged(exceptions.filter { $0.0 == .unavailable }.map(\.1))
        let extra = exceptions.filter { $0.0 == .available }.map(\.1)
        let value = Self.merged(Self.subtracting(off, from: weekly) + extra)
        specialistCache[specialist.id] = value
        return value
    }

    /// In the horizon, one of the unit's operating days, not a day off, not a public holiday.
    func isUnitDay(_ unit: MobileUnit, _ date: LocalDate) -> Bool {
        scenario.horizon.contains(date) && unit.operatingDays.contains(date.weekday)
            && !unit.unavailableDates.contains(date) && !holidays.contains(date)
    }

    /// Why `date` is not a unit day of `unit`, for messages.
    func whyNotUnitDay(_ unit: MobileUnit, _ date: LocalDate) -> String {
        if !scenario.horizon.contains(date) { return "outside the horizon" }
        if !unit.operatingDays.contains(date.weekday) { return "a \(date.weekday.rawValue), not an operating day" }
        if unit.unavailableDates.contains(date) { return "one of its unavailable dates" }
        return "a public holiday"
    }

    /// True when `interval` lies inside one interval of `intervals`.
    static func isInsideOne(_ interval: UTCInterval, _ intervals: [UTCInterval]) -> Bool {
        intervals.contains { $0.contains(interval) }
    }

    static func merged(_ intervals: [UTCInterval]) -> [UTCInterval] {
        var result: [UTCInterval] = []
        for interval in intervals.sorted() where !interval.isEmpty {
            if let last = result.last, interval.start <= last.end {
                result[result.count - 1].end = max(last.end, interval.end)
            } else {
                result.append(interval)
            }
        }
        return result
    }

    /// Both lists sorted and disjoint: walk them side by side.
    static func intersection(_ a: [UTCInterval], _ b: [UTCInterval]) -> [UTCInterval] {
        var result: [UTCInterval] = []
        var (i, j) = (0, 0)
        while i < a.count && j < b.count {
            let common = UTCInterval(start: max(a[i].start, b[j].start), end: min(a[i].end, b[j].end))
            if !common.isEmpty { result.append(common) }
            if a[i].end < b[j].end { i += 1 } else { j += 1 }
        }
        return merged(result)
    }

    /// `from` minus every interval of `removed`.
    static func subtracting(_ removed: [UTCInterval], from: [UTCInterval]) -> [UTCInterval] {
        var pieces = from
        for cut in removed {
            pieces = pieces.flatMap { piece -> [UTCInterval] in
                guard piece.overlaps(cut) else { return [piece] }
                return [
                    UTCInterval(start: piece.start, end: cut.start), UTCInterval(start: cut.end, end: piece.end),
                ].filter { !$0.isEmpty }
            }
        }
        return merged(pieces)
    }

    /// Seconds of `a ∩ b`.
    static func overlapSeconds(_ a: UTCInterval, _ b: UTCInterval) -> TimeInterval {
        max(0, min(a.end, b.end).timeIntervalSince(max(a.start, b.start)))
    }

    /// Pairs `(earlier, later)` of overlapping intervals, each later item paired with the earlier
    /// one reaching furthest: one pair per item that starts before an earlier one has ended.
    static func overlaps<Item>(_ items: [(interval: UTCInterval, item: Item)]) -> [(Item, Item)] {
        let sorted = items.sorted { $0.interval < $1.interval }
        var result: [(Item, Item)] = []
        var reach: (end: Date, item: Item)?
        for entry in sorted {
            if let current = reach, entry.interval.start < current.end {
                result.append((current.item, entry.item))
            }
            if reach == nil || entry.interval.end > reach!.end { reach = (entry.interval.end, entry.item) }
        }
        return result
    }
}
