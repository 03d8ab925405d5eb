/// The communes and departments of one region, or of several (a scenario whose sites span
/// regions), cut from a ``CommuneDirectory``: what the generator places sites in and what the
/// territorial reports take populations and names from.
///
/// ```swift
/// let bourgogne = try CommuneCatalog.shipped(region: "27")
/// let ofScenario = try CommuneCatalog.shipped(for: scenario)   // the regions of its sites
/// ```
public struct CommuneCatalog: Sendable {
    /// "27"; the codes joined by "+" for several regions ("11+27"); empty for none.
    public var regionCode: String
    /// "Bourgogne-Franche-Comté"; "Île-de-France et Bourgogne-Franche-Comté" for two regions.
    public var regionName: String
    /// The regions' communes, in INSEE code order.
    public var communes: [Commune]
    public var departments: [Department]
    /// How `telemed scenario generate` names this selection (`--region 27`, `--region all`,
    /// `--departments 21,58,71`), for a generated scenario's provenance.
    public var selection: String {
        if regionCode == CommuneDirectory.wholeCountry { return "--region all" }
        if let byDepartments { return "--departments \(byDepartments)" }
        return "--region \(regionCode)"
    }
    /// One region whole: not a set of departments, several regions or the whole country.
    public var isOneRegion: Bool {
        byDepartments == nil && regionCode != CommuneDirectory.wholeCountry && !regionCode.contains("+")
    }
    /// The department codes joined by commas when the catalog was cut by departments.
    var byDepartments: String?

    /// The shipped communes of one metropolitan region; an overseas or unknown code is refused
    /// with the reason and the list of metropolitan regions.
    public static func shipped(region: String) throws(GenerationError) -> CommuneCatalog {
        try CommuneDirectory.shipped().catalog(regions: [region])
    }

    /// The shipped communes of the regions the scenario's sites lie in (see
    /// ``CommuneDirectory/regionCodes(of:)``).
    public static func shipped(for scenario: Scenario) throws(GenerationError) -> CommuneCatalog {
        try CommuneDirectory.shipped().catalog(for: scenario)
    }

    /// Every French department shipped, overseas ones included, for naming a department from its
    /// code.
    public static func shippedDepartments() throws(GenerationError) -> [Department] {
        try CommuneDirectory.shipped().departments
    }

    public func department(_ code: String) -> Department? { departments.first { $0.code == code } }

    public func commune(_ inseeCode: String) -> Commune? { communes.first { $0.inseeCode == inseeCode } }
}
