/// "When is the earliest start that every resource allows?" — the inner loop of insertion.
///
/// Each constraint moves a candidate start `t` forward to the earliest start it accepts; the
/// candidate only grows, so iterating until no constraint moves it finds the earliest common
/// start, or proves there is none before the limit.
struct FitQuery {
    var duration: Int
    /// The interval must lie inside one piece of each set (open hours, nurse, availability).
    var allowed: [IntervalSet] = []
    /// The interval must overlap nothing in these lists (specialist, patient, unit station).
    var busy: [BusyList] = []
    /// A shared resource with several places (a site's rooms).
    var rooms: (list: BusyList, capacity: Int)?
    /// At most `max` intervals may start on one day (a specialist's daily maximum).
    var dailyLimit: (counts: [Int], max: Int, dayStarts: [Int])?

    func earliest(notBefore: Int, notAfterEnd limit: Int) -> Int? {
        guard duration > 0 else { return nil }
        var t = notBefore
        var moved = true
        while moved {
            moved = false
            if t + duration > limit { return nil }
            for set in allowed {
                guard let next = set.firstFit(duration: duration, notBefore: t, notAfterEnd: limit) else { return nil }
                if next > t {
                    t = next
                    moved = true
                }
            }
            for list in busy {
                let next = list.nextFree(from: t, duration: duration)
                if next > t {
                    t = next
                    moved = true
                }
            }
            if let rooms {
                let next = rooms.list.nextFree(from: t, duration: duration, capacity: rooms.capacity)
                if next > t {
                    t = next
                    moved = true
                }
            }
            if let daily = dailyLimit, let day = Self.day(of: t, dayStarts: daily.dayStarts),
                daily.counts[day] >= daily.max
            {
                guard day + 1 < daily.dayStarts.count else { return nil }
                t = daily.dayStarts[day + 1]
                moved = true
            }
        }
        return t + duration <= limit ? t : nil
    }

    static func day(of minute: Int, dayStarts: [Int]) -> Int? {
        guard minute >= 0, minute < dayStarts[dayStarts.count - 1] else { return nil }
        var low = 0
        var high = dayStarts.count - 1
        while low + 1 < high {
            let mid = (low + high) / 2
            if dayStarts[mid] <= minute { low = mid } else { high = mid }
        }
        return low
    }
}
