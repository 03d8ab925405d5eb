import Foundation
import TelemedCore

/// A row of `units`: depot, shift and lunch as columns; equipment, operating days and days off as
/// JSON text (read whole with the unit). Recurring stops have their own table (they name sites).
struct UnitRecord: StoreRecord {
    static let databaseTableName = "units"

    var id: MobileUnit.ID
    var position: Int
    var name: String
    var crew: MobileUnit.Crew
    var depotName: String
    var depotInseeCode: String
    var depotLatitude: Double
    var depotLongitude: Double
    var equipment: [Equipment]
    var operatingDays: [Weekday]
    var shiftStart: LocalTime
    var shiftEnd: LocalTime
    var lunchEarliestStart: LocalTime?
    var lunchLatestEnd: LocalTime?
    var lunchMinutes: Int?
    var setupMinutes: Int
    var maxDrivingMinutesPerDay: Int
    var capacityPerDay: Int?
    var unavailableDates: [LocalDate]
    var routeCutoff: LocalTime
    var email: String?

    init(_ unit: MobileUnit, position: Int) {
        id = unit.id
        self.position = position
        name = unit.name
        crew = unit.crew
        depotName = unit.depot.name
        depotInseeCode = unit.depot.inseeCode
        depotLatitude = unit.depot.location.latitude
        depotLongitude = unit.depot.location.longitude
        equipment = unit.equipment
        operatingDays = unit.operatingDays
        shiftStart = unit.shift.start
        shiftEnd = unit.shift.end
        lunchEarliestStart = unit.lunchBreak?.earliestStart
        lunchLatestEnd = unit.lunchBreak?.latestEnd
        lunchMinutes = unit.lunchBreak?.minutes
        setupMinutes = unit.setupMinutes
        maxDrivingMinutesPerDay = unit.maxDrivingMinutesPerDay
        capacityPerDay = unit.capacityPerDay
        unavailableDates = unit.unavailableDates
        routeCutoff = unit.routeCutoff
        email = unit.email
    }

    func unit(stops: [RecurringStopRecord]) -> MobileUnit {
        var lunch: LunchBreak?
        if let lunchEarliestStart, let lunchLatestEnd, let lunchMinutes {
            lunch = LunchBreak(earliestStart: lunchEarliestStart, latestEnd: lunchLatestEnd, minutes: lunchMinutes)
        }
        return MobileUnit(
            id: id, name: name, crew: crew,
            depot: Depot(
                name: depotName, inseeCode: depotInseeCode,
                location: GeoPoint(latitude: depotLatitude, longitude: depotLongitude)),
            equipment: equipment, operatingDays: operatingDays,
            shift: TimeOfDayWindow(start: shiftStart, end: shiftEnd), lunchBreak: lunch, setupMinutes: setupMinutes,
            maxDrivingMinutesPerDay: maxDrivingMinutesPerDay, capacityPerDay: capacityPerDay,
            recurringStops: stops.sorted { $0.position < $1.position }.map(\.stop),
            unavailableDates: unavailableDates, routeCutoff: routeCutoff, email: email)
    }
}
