import Foundation
import TelemedCore

/// The day record of a stored unit route: depot departure and return, lunch, driving.
struct UnitDayRecord: StoreRecord {
    static let databaseTableName = "unitDays"
    static let primaryKeyColumns = ["unitId", "date"]

    var unitId: MobileUnit.ID
    var date: LocalDate
    var leavesDepot: Date
    var returnsDepot: Date
    var lunchStart: Date?
    var lunchEnd: Date?
    var drivingMinutes: Double
    var kilometres: Double

    init(_ day: UnitDay) {
        unitId = day.unitId
        date = day.date
        leavesDepot = day.leavesDepot
        returnsDepot = day.returnsDepot
        lunchStart = day.lunch?.start
        lunchEnd = day.lunch?.end
        drivingMinutes = day.drivingMinutes
        kilometres = day.kilometres
    }

    var unitDay: UnitDay {
        var lunch: UTCInterval?
        if let lunchStart, let lunchEnd { lunch = UTCInterval(start: lunchStart, end: lunchEnd) }
        return UnitDay(
            unitId: unitId, date: date, leavesDepot: leavesDepot, returnsDepot: returnsDepot, lunch: lunch,
            drivingMinutes: drivingMinutes, kilometres: kilometres)
    }
}
