import Foundation
import TelemedCore

/// When each resource can be used, precomputed once per scenario as tick ``IntervalSet``s on a
/// ``Timeline``: the hard constraints "site open", "nurse present", "specialist available" and
/// "unit on shift" become binary searches, with no time-zone or holiday work during the search.
///
/// Arrays are indexed like the scenario's (`open[i]` is `scenario.sites[i]`); ``index`` maps ids
/// to those positions. Rules, in the order they apply:
/// - public holidays (``FrenchPublicHolidays``, plus Good Friday and 26 December when
///   `holidays.alsaceMoselle`, scenario-wide) count only when `holidays.observeFrenchPublicHolidays`;
/// - a site is open in its weekly opening hours, except on its `closedDates` and, unless it is
///   `openOnPublicHolidays`, on public holidays; its nurse is present in nurse hours while it is open;
///   a site with explicit `openings` is open exactly then (no calendar rule applies);
/// - a specialist's weekly availability does not run on public holidays either (a recurring
///   hospital clinic does not take place on a jour férié, and DESIGN.md closes everything else on
///   them); `unavailable` exceptions are then removed and `available` ones added, so an explicit
///   extra slot wins, even on a holiday;
/// - a unit has a shift on its operating days, except public holidays and its `unavailableDates`.
///
/// Exceptions are UTC instants: time off is rounded outwards to whole ticks, extra slots inwards,
/// so rounding never creates availability. Everything is clipped to the horizon.
///
/// ```swift
/// let model = AvailabilityModel(scenario)
/// let site = model.index.sites[request.siteId]!
/// model.open[site].firstFit(duration: model.timeline.ticks(minutes: request.durationMinutes), notBefore: 0)
/// ```
public struct AvailabilityModel: Sendable {
    public let timeline: Timeline
    public let index: ScenarioIndex
    /// The observed public holidays inside the horizon (empty when holidays are not observed).
    public let publicHolidays: [PublicHoliday]
    /// Per horizon day: true on an observed public holiday.
    public let isPublicHoliday: [Bool]
    /// Per site: when consultations may take place.
    public let open: [IntervalSet]
    /// Per site: when a nurse is present while the site is open; `live` consultations need this.
    public let nursePresent: [IntervalSet]
    /// Per specialist: when they can hold or review consultations.
    public let available: [IntervalSet]
    /// Unit-major, one entry per unit and horizon day: flat, so a lookup is one array read.
    private let shifts: [TickInterval?]

    public init(_ scenario: Scenario, timeline: Timeline? = nil) {
        let timeline = timeline ?? Timeline(horizon: scenario.horizon, ticksPerMinute: scenario.timeResolution)
        let weekdays = timeline.days.map(\.weekday)
        let policy = scenario.holidays
        let holidays =
            policy.observeFrenchPublicHolidays
            ? FrenchPublicHolidays.holidays(
                from: scenario.horizon.start, through: scenario.horizon.end, alsaceMoselle: policy.alsaceMoselle)
            : []
        var isHoliday = [Bool](repeating: false, count: timeline.dayCount)
        for holiday in holidays {
            if let day = timeline.dayIndex(of: holiday.date) { isHoliday[day] = true }
        }
        func dayFlags(_ dates: [LocalDate], orHolidays: Bool) -> [Bool] {
            var flags = orHolidays ? isHoliday : [Bool](repeating: false, count: timeline.dayCount)
            for date in dates {
                if let day = timeline.dayIndex(of: date) { flags[day] = true }
            }
            return flags
        }
        func weekly(_ windows: [WeeklyWindow], closed: [Bool]) -> IntervalSet {
            var intervals: [TickInterval] = []
            for day in timeline.days.indices where !closed[day] {
                for window in windows where window.day == weekdays[day] {
                    if let interval = timeline.interval(onDay: day, from: window.start, to: window.end) {
                        intervals.append(interval)
                    }
                }
            }
            return IntervalSet(intervals)
        }

        var open: [IntervalSet] = []
        var nursePresent: [IntervalSet] = []
        let horizon = IntervalSet(timeline.range)
        for site in scenario.sites {
            if let openings = site.openings {
                // Explicit openings replace the calendar rules; rounded inwards like extra slots.
                let siteOpen = IntervalSet(
                    openings.map {
                        TickInterval(
                            start: timeline.tick(of: $0.start, rounding: .up), end: timeline.tick(of: $0.end))
                    }
                ).intersection(horizon)
                open.append(siteOpen)
                nursePresent.append(weekly(site.nurseHours, closed: isHoliday).intersection(siteOpen))
                continue
            }
            let closed = dayFlags(site.closedDates, orHolidays: !site.openOnPublicHolidays)
            let siteOpen = weekly(site.openingHours, closed: closed)
            open.append(siteOpen)
            nursePresent.append(weekly(site.nurseHours, closed: closed).intersection(siteOpen))
        }

        self.available = scenario.specialists.map { specialist in
            let exceptions = Dictionary(grouping: specialist.exceptions, by: \.kind)
            let off = (exceptions[.unavailable] ?? []).map {
                TickInterval(start: timeline.tick(of: $0.start), end: timeline.tick(of: $0.end, rounding: .up))
            }
            let extra = (exceptions[.available] ?? []).map {
                TickInterval(start: timeline.tick(of: $0.start, rounding: .up), end: timeline.tick(of: $0.end))
            }
            return weekly(specialist.weeklyAvailability, closed: isHoliday)
                .subtracting(IntervalSet(off))
                .union(IntervalSet(extra))
                .intersection(horizon)
        }

        var shifts: [TickInterval?] = []
        shifts.reserveCapacity(scenario.units.count * timeline.dayCount)
        for unit in scenario.units {
            let closed = dayFlags(unit.unavailableDates, orHolidays: true)
            for day in timeline.days.indices {
                let operating = !closed[day] && unit.operatingDays.contains(weekdays[day])
                shifts.append(
                    operating ? timeline.interval(onDay: day, from: unit.shift.start, to: unit.shift.end) : nil)
            }
        }

        self.timeline = timeline
        self.index = ScenarioIndex(scenario)
        self.publicHolidays = holidays
        self.isPublicHoliday = isHoliday
        self.open = open
        self.nursePresent = nursePresent
        self.shifts = shifts
    }

    /// Unit `unit`'s working window on horizon day `day`, depot to depot; nil when it does not go
    /// out (not an operating day, a public holiday, or one of its unavailable dates).
    public func shift(unit: Int, day: Int) -> TickInterval? {
        shifts[unit * timeline.dayCount + day]
    }
}
