import Foundation

/// One unit's working day in a plan: when it leaves and returns to its depot, when the crew takes
/// lunch, and what it drove. The visits of the day are ``Visit``s with the same unit and date.
public struct UnitDay: Codable, Hashable, Sendable {
    public var unitId: MobileUnit.ID
    public var date: LocalDate
    public var leavesDepot: Date
    public var returnsDepot: Date
    public var lunch: UTCInterval?
    public var drivingMinutes: Double
    public var kilometres: Double

    public init(
        unitId: MobileUnit.ID, date: LocalDate, leavesDepot: Date, returnsDepot: Date, lunch: UTCInterval?,
        drivingMinutes: Double, kilometres: Double
    ) {
        self.unitId = unitId
        self.date = date
        self.leavesDepot = leavesDepot
        self.returnsDepot = returnsDepot
        self.lunch = lunch
        self.drivingMinutes = drivingMinutes
        self.kilometres = kilometres
    }
}
