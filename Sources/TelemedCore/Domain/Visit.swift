import Foundation

/// A stop of a unit's day route.
public struct Visit: Codable, Hashable, Sendable {
    public var unitId: MobileUnit.ID
    public var date: LocalDate
    public var siteId: Site.ID
    public var arrival: Date
    public var departure: Date
    /// 1-based position in the day's route.
    public var order: Int
    /// True for a planner's recurring stop, which the solver keeps.
    public var pinned: Bool

    public init(
        unitId: MobileUnit.ID, date: LocalDate, siteId: Site.ID, arrival: Date, departure: Date, order: Int,
        pinned: Bool = false
    ) {
        self.unitId = unitId
        self.date = date
        self.siteId = siteId
        self.arrival = arrival
        self.departure = departure
        self.order = order
        self.pinned = pinned
    }
}
