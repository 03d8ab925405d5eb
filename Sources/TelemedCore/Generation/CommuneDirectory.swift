import Foundation

/// Every commune, department and intercommunality of one set of data files, from which the
/// catalog of one region or of several is cut: the files shipped in the module
/// (`Resources/Communes/`, see `SOURCE.md`), read once per process, or files a user names
/// (``load(communes:departments:intercommunalities:)``).
///
/// ```swift
/// let directory = try CommuneDirectory.shipped()
/// let paris = try directory.catalog(regions: ["11"])     // Île-de-France
/// try directory.regionCodes(of: demo)                      // ["27"]
/// ```
public struct CommuneDirectory: Sendable {
    /// Every commune of the files, in their order (INSEE code order for the shipped ones).
    public let communes: [Commune]
    /// Every department of the files, overseas ones included, in their order.
    public let departments: [Department]
    /// Every region the departments name, by code.
    public let regions: [FrenchRegion]

    init(communes: [Commune], departments: [Department]) {
        self.communes = communes
        self.departments = departments
        var seen: Set<String> = []
        regions = departments.filter { seen.insert($0.regionCode).inserted }
            .map { FrenchRegion(code: $0.regionCode, name: $0.regionName) }
            .sorted { $0.code < $1.code }
    }

    /// The files shipped with telemed.
    public static func shipped() throws(GenerationError) -> CommuneDirectory { try shippedFiles.get() }

    /// Read on first use (about 35,000 communes), then shared by every caller in the process.
    private static let shippedFiles = Result { () throws(GenerationError) -> CommuneDirectory in
        func resource(_ name: String) throws(GenerationError) -> URL {
            guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Communes") else {
                throw .unreadableFile("\(name).csv is missing from telemed's resources (Communes/): reinstall telemed")
            }
            return url
        }
        return try load(
            communes: resource("communes-metropole"), departments: resource("departements-fr"),
            intercommunalities: resource("epci-metropole"))
    }

    /// The regions telemed can plan, by code: "11 Île-de-France"… as error messages list them.
    public var metropolitanRegions: [FrenchRegion] { regions.filter(\.isMetropolitan) }

    /// The region of `code` when telemed can plan it; an overseas region is refused with its time
    /// zone, an unknown code with the list of metropolitan regions.
    public func plannableRegion(_ code: String) throws(GenerationError) -> FrenchRegion {
        let valid = metropolitanRegions.map { "\($0.code) \($0.name)" }
        guard let region = regions.first(where: { $0.code == code }) else {
            throw .unknownRegion(code, metropolitan: valid)
        }
        guard region.isMetropolitan else { throw .overseasRegion(region, metropolitan: valid) }
        return region
    }

    /// The communes and departments of `codes` (any order, repeats ignored), in file order.
    public func catalog(regions codes: [String]) throws(GenerationError) -> CommuneCatalog {
        var chosen: [FrenchRegion] = []
        for code in Set(codes).sorted() { chosen.append(try plannableRegion(code)) }
        let wanted = Set(chosen.map(\.code))
        return CommuneCatalog(
            regionCode: chosen.map(\.code).joined(separator: "+"),
            regionName: Self.frenchList(chosen.map(\.name)),
            communes: communes.filter { wanted.contains($0.regionCode) },
            departments: departments.filter { wanted.contains($0.regionCode) })
    }

    /// Every metropolitan region: the whole country telemed can plan (`--region all`).
    public func metropolitanCatalog() throws(GenerationError) -> CommuneCatalog {
        var catalog = try catalog(regions: metropolitanRegions.map(\.code))
        catalog.regionCode = Self.wholeCountry
        catalog.regionName = "France métropolitaine"
        return catalog
    }

    /// The code a whole-country catalog goes by.
    public static let wholeCountry = "all"

    /// The communes of `codes` (departments, any order, repeats ignored), whatever their regions:
    /// a programme often spans a few departments of two regions. An unknown or overseas
    /// department is refused, naming it.
    public func catalog(departments codes: [String]) throws(GenerationError) -> CommuneCatalog {
        var chosen: [Department] = []
        for code in Set(codes).sorted() {
            guard let department = departments.first(where: { $0.code == code }) else {
                throw .invalidParameter(
                    "unknown department \"\(code)\": give INSEE department codes such as 21, 2A or 971 "
                        + "(metropolitan only)")
            }
            _ = try plannableRegion(department.regionCode)
            chosen.append(department)
        }
        guard !chosen.isEmpty else { throw .invalidParameter("name at least one department") }
        let wanted = Set(chosen.map(\.code))
        return CommuneCatalog(
            regionCode: chosen.map(\.code).joined(separator: "+"),
            regionName: Self.frenchList(chosen.map(\.name)),
            communes: communes.filter { wanted.contains($0.departmentCode) },
            departments: departments.filter { wanted.contains($0.code) },
            byDepartments: chosen.map(\.code).joined(separator: ","))
    }

    /// The regions of the departments the scenario's sites lie in, by code: the one place the
    /// commands that need communes take their region from. No sites, no region.
    public func regionCodes(of scenario: Scenario) throws(GenerationError) -> [String] {
        let regionOf = Dictionary(departments.map { ($0.code, $0.regionCode) }, uniquingKeysWith: { first, _ in first })
        var codes: Set<String> = []
        for site in scenario.sites {
            guard let region = regionOf[site.departmentCode] else {
                throw .unknownDepartment(site.departmentCode, site: site.id.rawValue)
            }
            codes.insert(region)
        }
        return codes.sorted()
    }

    /// The catalog of ``regionCodes(of:)``; refused when a site lies overseas.
    public func catalog(for scenario: Scenario) throws(GenerationError) -> CommuneCatalog {
        try catalog(regions: regionCodes(of: scenario))
    }

    /// "A", "A et B", "A, B et C".
    private static func frenchList(_ names: [String]) -> String {
        guard let last = names.last, names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " et " + last
    }
}
