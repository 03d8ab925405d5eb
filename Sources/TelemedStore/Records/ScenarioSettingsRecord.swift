import Foundation
import TelemedCore

/// The scenario's own fields (one row, id 1): everything but the entity lists. Never queried
/// field by field, so the nested values are JSON text.
struct ScenarioSettingsRecord: StoreRecord, Equatable {
    static let databaseTableName = "scenarioSettings"

    var id: Int = 1

    /// The row, nil before a scenario is imported.
    static func current(_ db: any SQLConnection) throws -> ScenarioSettingsRecord? { try fetchOne(db, key: 1) }
    var formatVersion: Int
    var name: String
    var provenance: String?
    var horizonStart: LocalDate
    var horizonEnd: LocalDate
    var timeZone: String
    var holidays: HolidayPolicy
    var urgencyDelays: UrgencyTable<Int>
    var asyncReviewDays: Int
    var weights: ObjectiveWeights
    var travel: TravelSettings
    /// Time resolution (ticks per minute); nil means whole minutes.
    var ticksPerMinute: Int?

    init(_ scenario: Scenario) {
        formatVersion = scenario.formatVersion
        name = scenario.name
        provenance = scenario.provenance
        horizonStart = scenario.horizon.start
        horizonEnd = scenario.horizon.end
        timeZone = scenario.timeZone
        holidays = scenario.holidays
        urgencyDelays = scenario.urgencyDelays
        asyncReviewDays = scenario.asyncReviewDays
        weights = scenario.weights
        travel = scenario.travel
        ticksPerMinute = scenario.ticksPerMinute
    }

    /// A scenario with these settings and the given entities.
    func scenario(
        sites: [Site], specialists: [Specialist], units: [MobileUnit], requests: [ConsultationRequest],
        bookings: [Booking]
    ) -> Scenario {
        Scenario(
            formatVersion: formatVersion, name: name, provenance: provenance,
            horizon: Horizon(start: horizonStart, end: horizonEnd), timeZone: timeZone, holidays: holidays,
            urgencyDelays: urgencyDelays, asyncReviewDays: asyncReviewDays, weights: weights, travel: travel,
            sites: sites, specialists: specialists, units: units, requests: requests, bookings: bookings,
            ticksPerMinute: ticksPerMinute)
    }
}
