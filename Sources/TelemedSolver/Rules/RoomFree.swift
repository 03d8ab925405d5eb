import TelemedCore

/// `roomFree`: on the site's own equipment at most `rooms` bookings at once; a unit is a station
/// of its own, one booking at a time. ``FitQuery`` searches starts that leave a room (or the
/// station) free; regret insertion and the blocking ruin ask ``collides(_:at:_:at:)``; the route
/// re-timing keeps a stop's bookings one after the other.
enum RoomFree: NoOverlapRule {
    static let name = ConstraintName.roomFree

    /// The earliest start `≥ notBefore` at which fewer than `capacity` of the site-hosted bookings
    /// in `rooms` overlap an interval of `duration`.
    @inline(__always)
    static func earliestStart(rooms: BusyList, capacity: Int, notBefore: Int, duration: Int) -> Int {
        rooms.nextFree(from: notBefore, duration: duration, capacity: capacity)
    }

    /// A unit's station at one stop: the bookings it hosts there.
    static func station(of stop: Route.Stop) -> BusyList {
        var station = BusyList()
        for entry in stop.bookings { station.insert(entry.interval, owner: entry.owner) }
        return station
    }

    /// Whether two placements on the site's own equipment, at sites `first` and `second`, are at
    /// the same site at overlapping times (they may share it only up to its rooms: the search
    /// treats any overlap as a possible collision).
    @inline(__always)
    static func collides(_ a: Placement, at first: Int, _ b: Placement, at second: Int) -> Bool {
        a.unit == nil && b.unit == nil && first == second && a.siteInterval.overlaps(b.siteInterval)
    }
}
