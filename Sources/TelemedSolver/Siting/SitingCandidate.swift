import TelemedCore

/// A commune the siting search tries, why it was chosen, and the change that adds the place.
public struct SitingCandidate: Codable, Hashable, Sendable {
    public var commune: CandidateCommune
    /// Requests of the base plan not served within their delay (left out, or served late) at
    /// sites within the search's radius.
    public var unmetNearby: Int
    /// Sites with such requests within the radius.
    public var sitesNearby: Int
    /// Great-circle distance to the nearest existing point of the kind (town point or depot);
    /// nil when there is none.
    public var nearestExistingKilometres: Double?
    /// The what-if variant that adds the place alone.
    public var variant: WhatIfVariant
    /// The id of the site or unit it adds.
    public var addedId: String

    public init(
        commune: CandidateCommune, unmetNearby: Int, sitesNearby: Int, nearestExistingKilometres: Double?,
        variant: WhatIfVariant, addedId: String
    ) {
        self.commune = commune
        self.unmetNearby = unmetNearby
        self.sitesNearby = sitesNearby
        self.nearestExistingKilometres = nearestExistingKilometres
        self.variant = variant
        self.addedId = addedId
    }
}

/// A candidate commune as the ranking lists it.
public struct CandidateCommune: Codable, Hashable, Sendable {
    public var inseeCode: String
    public var name: String
    public var departmentCode: String
    public var departmentName: String
    /// SIREN code and name of its intercommunality (EPCI); nil for the communes that have none.
    public var epciCode: String?
    public var epciName: String?
    public var population: Int
    public var location: GeoPoint

    public init(_ commune: Commune, departmentName: String) {
        inseeCode = commune.inseeCode
        name = commune.name
        departmentCode = commune.departmentCode
        self.departmentName = departmentName
        epciCode = commune.intercommunality?.siren
        epciName = commune.intercommunality?.name
        population = commune.population
        location = commune.location
    }
}
