import TelemedCore

/// A unit's stop pinned on one weekday (local times), every week or on a pattern (v16).
struct RecurringStopRecord: StoreRecord {
    static let databaseTableName = "unitRecurringStops"
    static let primaryKeyColumns = ["unitId", "position"]

    var unitId: MobileUnit.ID
    var position: Int
    var day: Weekday
    var siteId: Site.ID
    var arrival: LocalTime
    var departure: LocalTime
    var everyWeeks: Int?
    var anchorDate: LocalDate?
    var weekOfMonth: Int?

    init(unitId: MobileUnit.ID, position: Int, stop: RecurringStop) {
        self.unitId = unitId
        self.position = position
        day = stop.day
        siteId = stop.siteId
        arrival = stop.arrival
        departure = stop.departure
        everyWeeks = stop.everyWeeks
        anchorDate = stop.anchorDate
        weekOfMonth = stop.weekOfMonth
    }

    var stop: RecurringStop {
        RecurringStop(
            day: day, siteId: siteId, arrival: arrival, departure: departure, everyWeeks: everyWeeks,
            anchorDate: anchorDate, weekOfMonth: weekOfMonth)
    }
}
