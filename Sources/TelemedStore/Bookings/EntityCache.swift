import Foundation
import Synchronization
import TelemedCore

/// The scenario's settings, travel model, sites, specialists and units, kept between checked
/// changes: reading and decoding them (JSON columns, a travel model) was most of a confirmation's
/// cost. A copy is used only while `entityGeneration` (``SchemaV4``), read in the caller's
/// transaction, still has the value it was loaded with, so a change made by another connection or
/// process is never missed. One cache per ``TelemedDatabase``, shared by its stores.
final class EntityCache: Sendable {
    struct Entities: Sendable {
        let generation: Int64
        let settings: ScenarioSettingsRecord
        let travel: any TravelModel
        let sites: [Site.ID: Site]
        let specialists: [Specialist.ID: Specialist]
        /// Without recurring stops: a stored route carries them as pinned visits, and a day with no
        /// stored route has no unit there to check.
        let units: [MobileUnit.ID: MobileUnit]
    }

    private let current = Mutex<Entities?>(nil)

    /// The entities as `db` sees them, or nil when no scenario was imported. `travel` makes the
    /// travel model of freshly read settings.
    func entities(_ db: any SQLConnection, travel: (TravelSettings) throws -> any TravelModel) throws -> Entities? {
        let generation = try db.fetchOne(Int64.self, sql: "SELECT value FROM entityGeneration") ?? -1
        if let cached = current.withLock({ $0 }), cached.generation == generation { return cached }
        guard let settings = try ScenarioSettingsRecord.current(db) else { return nil }
        let windows = Dictionary(grouping: try SpecialistWindowRecord.fetchAll(db), by: \.specialistId)
        let exceptions = Dictionary(grouping: try SpecialistExceptionRecord.fetchAll(db), by: \.specialistId)
        let loaded = Entities(
            generation: generation, settings: settings, travel: try travel(settings.travel),
            sites: Dictionary(uniqueKeysWithValues: try SiteRecord.fetchAll(db).map { ($0.id, $0.site) }),
            specialists: Dictionary(
                uniqueKeysWithValues: try SpecialistRecord.fetchAll(db).map {
                    ($0.id, $0.specialist(windows: windows[$0.id] ?? [], exceptions: exceptions[$0.id] ?? []))
                }),
            units: Dictionary(uniqueKeysWithValues: try UnitRecord.fetchAll(db).map { ($0.id, $0.unit(stops: [])) }))
        current.withLock { $0 = loaded }
        return loaded
    }
}
