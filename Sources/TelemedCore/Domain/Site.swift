/// Where a consultation happens: a nursing home (`ehpad`) or a room in an underserved commune
/// (`townPoint`: health house, town hall, pharmacy).
public struct Site: Codable, Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Site>

    public enum Kind: String, ClosedVocabulary, Hashable {
        case ehpad, townPoint
    }

    public var id: ID
    public var kind: Kind
    public var name: String
    /// FINESS establishment number (9 characters); EHPADs only.
    public var finess: String?
    /// Beds; EHPADs only.
    public var beds: Int?
    /// INSEE code of the commune (5 characters, `2A`/`2B` for Corsica).
    public var inseeCode: String
    public var commune: String
    public var address: String
    public var location: GeoPoint
    public var openingHours: [WeeklyWindow]
    /// When an accompanying nurse is present: a `live` consultation needs one.
    public var nurseHours: [WeeklyWindow]
    /// Parallel consultation stations.
    public var rooms: Int
    public var equipment: [Equipment]
    /// Dates the site is closed besides public holidays.
    public var closedDates: [LocalDate]
    public var openOnPublicHolidays: Bool
    /// One-off opening intervals (UTC). When present they are the site's only opening times:
    /// weekly hours, closed dates and holidays no longer apply. Imported benchmark customers use
    /// them for their time windows.
    public var openings: [UTCInterval]?
    /// Where the site's staff are told of confirmations, moves, offers and tomorrow's sessions.
    public var email: String?

    public init(
        id: ID, kind: Kind, name: String, finess: String? = nil, beds: Int? = nil, inseeCode: String,
        commune: String, address: String, location: GeoPoint, openingHours: [WeeklyWindow],
        nurseHours: [WeeklyWindow], rooms: Int = 1, equipment: [Equipment] = [], closedDates: [LocalDate] = [],
        openOnPublicHolidays: Bool = false, openings: [UTCInterval]? = nil, email: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.finess = finess
        self.beds = beds
        self.inseeCode = inseeCode
        self.commune = commune
        self.address = address
        self.location = location
        self.openingHours = openingHours
        self.nurseHours = nurseHours
        self.rooms = rooms
        self.equipment = equipment
        self.closedDates = closedDates
        self.openOnPublicHolidays = openOnPublicHolidays
        self.openings = openings
        self.email = email
    }

    /// Department code derived from the INSEE code (`58`, `2A`, `971`).
    public var departmentCode: String { FrenchCodes.departmentCode(ofCommune: inseeCode) }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ID.self, forKey: .id),
            kind: try c.decode(Kind.self, forKey: .kind),
            name: try c.decode(String.self, forKey: .name),
            finess: try c.decodeIfPresent(String.self, forKey: .finess),
            beds: try c.decodeIfPresent(Int.self, forKey: .beds),
            inseeCode: try c.decode(String.self, forKey: .inseeCode),
            commune: try c.decode(String.self, forKey: .commune),
            address: try c.decodeIfPresent(String.self, forKey: .address) ?? "",
            location: try c.decode(GeoPoint.self, forKey: .location),
            openingHours: try c.decodeIfPresent([WeeklyWindow].self, forKey: .openingHours) ?? [],
            nurseHours: try c.decodeIfPresent([WeeklyWindow].self, forKey: .nurseHours) ?? [],
            rooms: try c.decodeIfPresent(Int.self, forKey: .rooms) ?? 1,
            equipment: try c.decodeIfPresent([Equipment].self, forKey: .equipment) ?? [],
            closedDates: try c.decodeIfPresent([LocalDate].self, forKey: .closedDates) ?? [],
            openOnPublicHolidays: try c.decodeIfPresent(Bool.self, forKey: .openOnPublicHolidays) ?? false,
            openings: try c.decodeIfPresent([UTCInterval].self, forKey: .openings),
            email: try c.decodeIfPresent(String.self, forKey: .email)
        )
    }
}
