import TelemedCore

extension TelemedDatabase {
    /// Whether the stored scenario has this site.
    public func contains(site id: Site.ID) throws -> Bool {
        try database.read { db in try SiteRecord.exists(db, key: id) }
    }

    /// Whether the stored scenario has this unit.
    public func contains(unit id: MobileUnit.ID) throws -> Bool {
        try database.read { db in try UnitRecord.exists(db, key: id) }
    }
}

extension TelemedDatabase {
    /// Whether a scenario was imported (a fresh file holds none).
    public func holdsScenario() throws -> Bool {
        try database.read { db in try ScenarioSettingsRecord.exists(db, key: 1) }
    }
}
