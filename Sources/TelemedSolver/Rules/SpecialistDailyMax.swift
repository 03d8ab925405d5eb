import TelemedCore

/// `specialistDailyMax`: at most `maxSessionsPerDay` bookings per specialist and local date of
/// the specialist interval's start (``SolutionState/specialistDayCount``). As a ``FitQuery`` step
/// it moves a start on a full day to the next day; regret insertion and the blocking ruin ask
/// ``isFull(_:onDayOf:in:)``.
struct SpecialistDailyMax: SolverRule {
    static let name = ConstraintName.specialistDailyMax

    /// Per horizon day: the specialist's bookings starting that day.
    let counts: [Int]
    let max: Int
    /// ``Timeline/dayStarts``.
    let dayStarts: [Int]

    init(_ specialist: Int, in state: SolutionState) {
        counts = state.specialistDayCount[specialist]
        max = state.problem.specialists[specialist].maxPerDay
        dayStarts = state.problem.timeline.dayStarts
    }

    /// `tick` itself when its day has room (or lies outside the horizon), else the start of the
    /// next day; nil when the full day is the last.
    @inline(__always)
    func earliestStart(notBefore tick: Int) -> Int? {
        guard let day = Self.day(of: tick, dayStarts: dayStarts), counts[day] >= max else { return tick }
        return day + 1 < dayStarts.count ? dayStarts[day + 1] : nil
    }

    /// Whether the specialist's day holding `tick` has reached its maximum.
    static func isFull(_ specialist: Int, onDayOf tick: Int, in state: SolutionState) -> Bool {
        let day = state.problem.dayIndex(ofTick: tick)
        return state.specialistDayCount[specialist][day] >= state.problem.specialists[specialist].maxPerDay
    }

    /// The specialist's bookings whose specialist interval starts on the day holding `tick`.
    static func bookings(of specialist: Int, onDayOf tick: Int, in state: SolutionState) -> [BusyList.Entry] {
        let day = state.problem.dayIndex(ofTick: tick)
        return state.specialistBusy[specialist].entries.filter {
            state.problem.dayIndex(ofTick: $0.interval.start) == day
        }
    }

    static func day(of tick: Int, dayStarts: [Int]) -> Int? {
        guard tick >= 0, tick < dayStarts[dayStarts.count - 1] else { return nil }
        var low = 0
        var high = dayStarts.count - 1
        while low + 1 < high {
            let mid = (low + high) / 2
            if dayStarts[mid] <= tick { low = mid } else { high = mid }
        }
        return low
    }
}
