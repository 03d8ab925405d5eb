import Foundation
import TelemedCore

/// One stop of a stored unit route. `stopOrder` is the visit's 1-based position (`order` is an
/// SQL keyword).
struct UnitVisitRecord: StoreRecord {
    static let databaseTableName = "unitVisits"
    static let primaryKeyColumns = ["unitId", "date", "stopOrder"]

    var unitId: MobileUnit.ID
    var date: LocalDate
    var stopOrder: Int
    var siteId: Site.ID
    var arrival: Date
    var departure: Date
    var pinned: Bool

    init(_ visit: Visit) {
        unitId = visit.unitId
        date = visit.date
        stopOrder = visit.order
        siteId = visit.siteId
        arrival = visit.arrival
        departure = visit.departure
        pinned = visit.pinned
    }

    var visit: Visit {
        Visit(
            unitId: unitId, date: date, siteId: siteId, arrival: arrival, departure: departure, order: stopOrder,
            pinned: pinned)
    }
}
