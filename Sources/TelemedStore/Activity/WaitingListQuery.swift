import Foundation
import TelemedCore

/// The waiting list's length at the end of each day of a period, from the stays in `waitlist`
/// (one row per request's stay, `enteredAt` to `leftAt`): the stays that overlap the period are
/// read once and swept day by day, so a year costs one query.
enum WaitingListQuery {
    /// Days after `through` are left out; a day that has not ended by `now` counts at `now`.
    static func fetch(_ db: any SQLConnection, period: ActivityPeriod, through: LocalDate, now: Date) throws
        -> [WaitingListLength]
    {
        let paris = WallClock.paris
        let last = min(period.to, through)
        guard period.from <= last else { return [] }
        let start = paris.dayInterval(period.from).start
        let end = paris.dayInterval(last).end
        let stays = try db.fetchAll(
            sql: "SELECT enteredAt, leftAt FROM waitlist WHERE enteredAt < ? AND (leftAt IS NULL OR leftAt >= ?)",
            arguments: [end, start]
        ).map { row in (entered: row["enteredAt"] as Date, left: row["leftAt"] as Date?) }
        return period.from.through(last).map { date in
            let instant = min(paris.dayInterval(date).end, now)
            let waiting = stays.filter { $0.entered < instant && ($0.left.map { $0 >= instant } ?? true) }.count
            return WaitingListLength(date: date, waiting: waiting)
        }
    }
}
