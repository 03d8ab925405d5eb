import TelemedCore

/// The names a notification e-mail shows for the ids its event carries: sites (with their commune),
/// specialists and units. Names of places and practitioners, never of residents.
public struct NotificationDirectory: Hashable, Sendable {
    public struct Place: Hashable, Sendable {
        public var name: String
        public var commune: String
        public var address: String

        public init(name: String, commune: String, address: String) {
            self.name = name
            self.commune = commune
            self.address = address
        }
    }

    public var sites: [Site.ID: Place]
    public var specialists: [Specialist.ID: String]
    public var units: [MobileUnit.ID: String]

    public init(
        sites: [Site.ID: Place] = [:], specialists: [Specialist.ID: String] = [:], units: [MobileUnit.ID: String] = [:]
    ) {
        self.sites = sites
        self.specialists = specialists
        self.units = units
    }
}

extension TelemedDatabase {
    /// The names of what `event` mentions.
    public func directory(for event: NotificationEvent) throws -> NotificationDirectory {
        let sessions = event.sessions
        let siteIds = Set(sessions.map(\.siteId) + [event.digest?.siteId].compactMap { $0 })
        let specialistIds = Set(sessions.compactMap(\.specialistId) + [event.digest?.specialistId].compactMap { $0 })
        let unitIds = Set(sessions.compactMap(\.unitId) + [event.route?.unitId].compactMap { $0 })
        return try database.read { db in
            var directory = NotificationDirectory()
            for id in siteIds {
                if let row = try db.fetchOne(
                    sql: "SELECT name, commune, address FROM sites WHERE id = ?", arguments: [id])
                {
                    directory.sites[id] = .init(name: row["name"], commune: row["commune"], address: row["address"])
                }
            }
            for id in specialistIds {
                directory.specialists[id] = try db.fetchOne(
                    String.self, sql: "SELECT name FROM specialists WHERE id = ?", arguments: [id])
            }
            for id in unitIds {
                directory.units[id] = try db.fetchOne(
                    String.self, sql: "SELECT name FROM units WHERE id = ?", arguments: [id])
            }
            return directory
        }
    }
}
