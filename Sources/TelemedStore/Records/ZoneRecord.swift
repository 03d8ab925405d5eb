import TelemedCore

/// A row of `zones`: the communes as JSON text.
struct ZoneRecord: StoreRecord {
    static let databaseTableName = "zones"
    static let primaryKeyColumns = ["name"]

    var name: String
    var position: Int
    var kind: ZoneKind
    var communes: [String]

    init(_ zone: Zone, position: Int) {
        name = zone.name
        self.position = position
        kind = zone.kind
        communes = zone.communes
    }

    var zone: Zone { Zone(name: name, kind: kind, communes: communes) }
}
