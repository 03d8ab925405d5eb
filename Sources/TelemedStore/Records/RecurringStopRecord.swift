import GRDB
import TelemedCore

/// A unit's stop pinned every week on one weekday (local times).
struct RecurringStopRecord: StoreRecord {
    static let databaseTableName = "unitRecurringStops"

    var unitId: MobileUnit.ID
    var position: Int
    var day: Weekday
    var siteId: Site.ID
    var arrival: LocalTime
    var departure: LocalTime

    init(unitId: MobileUnit.ID, position: Int, stop: RecurringStop) {
        self.unitId = unitId
        self.position = position
        day = stop.day
        siteId = stop.siteId
        arrival = stop.arrival
        departure = stop.departure
    }

    var stop: RecurringStop { RecurringStop(day: day, siteId: siteId, arrival: arrival, departure: departure) }
}
