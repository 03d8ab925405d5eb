import Foundation
import TelemedCore

extension TelemedDatabase {
    /// Stores a whole scenario in one transaction: its settings, sites, specialists (with their
    /// availability), units (with their recurring stops), requests and bookings.
    ///
    /// A database that already holds a scenario is refused with ``StoreError/databaseNotEmpty``
    /// unless `replace` is true; then the scenario, its bookings and unit routes are deleted first
    /// (the audit log, plan runs, tokens and feed secrets stay). A refused import changes nothing.
    ///
    /// ```swift
    /// try database.importScenario(scenario, actor: "admin")
    /// ```
    ///
    /// A campaign stated alone is stored with its patients' requests and a bare care series spec as
    /// its occurrences (``Scenario/expandingShorthands()``), so the store only ever holds expanded ones.
    public func importScenario(_ scenario: Scenario, replace: Bool = false, actor: String) throws {
        let scenario = scenario.expandingShorthands()
        // A held slot lives with its waiting-list offer, which no scenario file carries.
        if let held = scenario.bookings.first(where: { $0.status == .held }) {
            throw StoreError.heldSlotImported(held.id)
        }
        try database.write { db in
            if try db.fetchOne(Int.self, sql: "SELECT COUNT(*) FROM scenarioSettings") ?? 0 > 0 {
                guard replace else { throw StoreError.databaseNotEmpty(path: name) }
                try Self.deleteScenario(db)
            }
            try Self.insert(scenario, db)
            try AuditEntry(
                occurredAt: clock.now(), actor: actor, action: replace ? "scenario.replace" : "scenario.import",
                entityKind: "scenario",
                entityId: scenario.name,
                after: StoreJSON.text([
                    "sites": scenario.sites.count, "specialists": scenario.specialists.count,
                    "units": scenario.units.count, "requests": scenario.requests.count,
                    "bookings": scenario.bookings.count,
                ])
            ).append(to: db)
        }
    }

    /// Children first, so foreign keys hold at every step.
    private static func deleteScenario(_ db: any SQLConnection) throws {
        for table in [
            "waitlistOffers", "waitlist", "unitVisits", "unitDays", "bookings", "requests", "campaigns",
            "unitRecurringStops",
            "units",
            "specialistExceptions", "specialistWeeklyWindows", "specialists", "sites", "zones", "scenarioSettings",
        ] {
            try db.execute(sql: "DELETE FROM \(table)")
        }
    }

    private static func insert(_ scenario: Scenario, _ db: any SQLConnection) throws {
        try ScenarioSettingsRecord(scenario).insert(db)
        for (position, site) in scenario.sites.enumerated() {
            try SiteRecord(site, position: position).insert(db)
        }
        for (position, specialist) in scenario.specialists.enumerated() {
            try SpecialistRecord(specialist, position: position).insert(db)
            for (index, window) in specialist.weeklyAvailability.enumerated() {
                try SpecialistWindowRecord(specialistId: specialist.id, position: index, window: window).insert(db)
            }
            for (index, exception) in specialist.exceptions.enumerated() {
                try SpecialistExceptionRecord(specialistId: specialist.id, position: index, exception: exception)
                    .insert(db)
            }
        }
        for (position, unit) in scenario.units.enumerated() {
            try UnitRecord(unit, position: position).insert(db)
            for (index, stop) in unit.recurringStops.enumerated() {
                try RecurringStopRecord(unitId: unit.id, position: index, stop: stop).insert(db)
            }
        }
        for (position, campaign) in scenario.campaigns.enumerated() {
            try CampaignRecord(campaign, position: position).insert(db)
        }
        for (position, request) in scenario.requests.enumerated() {
            try RequestRecord(request, position: position).insert(db)
        }
        for (position, booking) in scenario.bookings.enumerated() {
            try BookingRecord(booking, position: position).insert(db)
        }
        for (position, zone) in scenario.zones.enumerated() {
            try ZoneRecord(zone, position: position).insert(db)
        }
    }
}
