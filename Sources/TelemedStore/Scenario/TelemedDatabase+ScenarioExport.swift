import Foundation
import GRDB
import TelemedCore

extension TelemedDatabase {
    /// The stored scenario with the bookings as they are now (statuses, versions, new bookings),
    /// read in one snapshot. Arrays keep the imported order; bookings made later follow.
    ///
    /// Throws ``StoreError/noScenario(path:)`` when nothing was imported.
    public func exportScenario() throws -> Scenario {
        try writer.read { db in try Self.loadScenario(db, path: name) }
    }

    static func loadScenario(_ db: Database, path: String) throws -> Scenario {
        guard let settings = try ScenarioSettingsRecord.fetchOne(db) else { throw StoreError.noScenario(path: path) }
        let windows = Dictionary(grouping: try SpecialistWindowRecord.fetchAll(db), by: \.specialistId)
        let exceptions = Dictionary(grouping: try SpecialistExceptionRecord.fetchAll(db), by: \.specialistId)
        let stops = Dictionary(grouping: try RecurringStopRecord.fetchAll(db), by: \.unitId)
        let byPosition = Column("position").asc
        return settings.scenario(
            sites: try SiteRecord.order(byPosition).fetchAll(db).map(\.site),
            specialists: try SpecialistRecord.order(byPosition).fetchAll(db).map {
                $0.specialist(windows: windows[$0.id] ?? [], exceptions: exceptions[$0.id] ?? [])
            },
            units: try UnitRecord.order(byPosition).fetchAll(db).map { $0.unit(stops: stops[$0.id] ?? []) },
            requests: try RequestRecord.order(byPosition).fetchAll(db).map(\.request),
            bookings: try BookingRecord.order(byPosition).fetchAll(db).map(\.booking))
    }
}
