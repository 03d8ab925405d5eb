/// The place an `addSite` change adds: a whole site as written in a scenario, or a commune named
/// by its INSEE code with the site's hours, rooms and equipment, whose location (the town hall),
/// department and name come from the shipped communes.
///
/// ```json
/// {"kind": "addSite", "site": { …a site as in a scenario… }}
/// {"kind": "addSite", "inseeCode": "58145", "siteKind": "townPoint",
///  "openingHours": [{"day": "tuesday", "start": "09:00", "end": "12:30"}],
///  "nurseHours": [{"day": "tuesday", "start": "09:00", "end": "12:30"}], "equipment": ["videoCart"],
///  "requestsPerFourWeeks": 7}
/// ```
///
/// A new site has no requests in the base scenario, so the change draws them
/// (``SiteDemandDraw``): `requestsPerFourWeeks` when given, else the region's profile (a town
/// point at the rate of the region's town points, an EHPAD in proportion to its beds), scaled to
/// the horizon. The draw is seeded by the site's id alone, so the same change gives the same
/// requests in any study and at any position in it.
public struct SiteAddition: Codable, Hashable, Sendable {
    public enum Place: Hashable, Sendable {
        case site(Site)
        case commune(SiteInCommune)
    }

    public var place: Place
    /// Expected requests over four weeks; nil takes the region's profile.
    public var requestsPerFourWeeks: Double?

    public init(_ place: Place, requestsPerFourWeeks: Double? = nil) {
        self.place = place
        self.requestsPerFourWeeks = requestsPerFourWeeks
    }

    private enum CodingKeys: String, CodingKey {
        case site, inseeCode, requestsPerFourWeeks
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch (c.contains(.site), c.contains(.inseeCode)) {
        case (true, true):
            throw DecodingError.dataCorruptedError(
                forKey: .inseeCode, in: c,
                debugDescription: "give either a whole \"site\" or an \"inseeCode\" with the site's hours, not both")
        case (false, false):
            throw DecodingError.dataCorruptedError(
                forKey: .inseeCode, in: c,
                debugDescription:
                    "addSite needs a \"site\" as in a scenario, or an \"inseeCode\" and a \"siteKind\" (ehpad or townPoint)"
            )
        case (true, false): place = .site(try c.decode(Site.self, forKey: .site))
        case (false, true): place = .commune(try SiteInCommune(from: decoder))
        }
        requestsPerFourWeeks = try c.decodeIfPresent(Double.self, forKey: .requestsPerFourWeeks)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch place {
        case .site(let site): try c.encode(site, forKey: .site)
        case .commune(let commune): try commune.encode(to: encoder)
        }
        try c.encodeIfPresent(requestsPerFourWeeks, forKey: .requestsPerFourWeeks)
    }

    /// The site's id when the change names it.
    public var siteId: Site.ID? {
        switch place {
        case .site(let site): site.id
        case .commune(let commune): commune.id
        }
    }
}

/// The compact form of a new site: a commune and what the site offers. `id` and `name` are made
/// up when absent (`T-58-0007`, the next free number of the department; "Point de consultation
/// de Lormes" or "EHPAD de Lormes"); an EHPAD needs its FINESS number and beds.
public struct SiteInCommune: Codable, Hashable, Sendable {
    public var inseeCode: String
    public var kind: Site.Kind
    public var id: Site.ID?
    public var name: String?
    public var address: String?
    public var finess: String?
    public var beds: Int?
    public var openingHours: [WeeklyWindow]
    public var nurseHours: [WeeklyWindow]
    public var rooms: Int
    public var equipment: [Equipment]

    public init(
        inseeCode: String, kind: Site.Kind, id: Site.ID? = nil, name: String? = nil, address: String? = nil,
        finess: String? = nil, beds: Int? = nil, openingHours: [WeeklyWindow], nurseHours: [WeeklyWindow] = [],
        rooms: Int = 1, equipment: [Equipment] = []
    ) {
        self.inseeCode = inseeCode
        self.kind = kind
        self.id = id
        self.name = name
        self.address = address
        self.finess = finess
        self.beds = beds
        self.openingHours = openingHours
        self.nurseHours = nurseHours
        self.rooms = rooms
        self.equipment = equipment
    }

    private enum CodingKeys: String, CodingKey {
        case inseeCode
        case kind = "siteKind"
        case id, name, address, finess, beds, openingHours, nurseHours, rooms, equipment
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            inseeCode: try c.decode(String.self, forKey: .inseeCode),
            kind: try c.decode(Site.Kind.self, forKey: .kind),
            id: try c.decodeIfPresent(Site.ID.self, forKey: .id),
            name: try c.decodeIfPresent(String.self, forKey: .name),
            address: try c.decodeIfPresent(String.self, forKey: .address),
            finess: try c.decodeIfPresent(String.self, forKey: .finess),
            beds: try c.decodeIfPresent(Int.self, forKey: .beds),
            openingHours: try c.decode([WeeklyWindow].self, forKey: .openingHours),
            nurseHours: try c.decodeIfPresent([WeeklyWindow].self, forKey: .nurseHours) ?? [],
            rooms: try c.decodeIfPresent(Int.self, forKey: .rooms) ?? 1,
            equipment: try c.decodeIfPresent([Equipment].self, forKey: .equipment) ?? [])
    }
}
