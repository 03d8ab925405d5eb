import Foundation

/// A real French commune from the shipped region data.
public struct Commune: Hashable, Sendable {
    public var inseeCode: String
    public var name: String
    public var departmentCode: String
    public var population: Int
    public var location: GeoPoint
}

/// A French department of the shipped region data.
public struct Department: Hashable, Sendable {
    public var code: String
    public var name: String
}

/// The communes and departments of one region, read from the CSV files shipped in the module
/// (see `Resources/Regions/SOURCE.md`) or from a file a user names.
public struct CommuneCatalog: Sendable {
    public var regionCode: String
    /// "Bourgogne-Franche-Comté", from the departments file; the code when the file has no name.
    public var regionName: String
    public var communes: [Commune]
    public var departments: [Department]

    /// Regions whose data ships with telemed.
    public static let shippedRegions = ["27"]

    /// The departments of every shipped region, for naming a department from its code; throws when
    /// a shipped file does not read.
    public static func shippedDepartments() throws(GenerationError) -> [Department] {
        var departments: [Department] = []
        for region in shippedRegions { departments += try shipped(region: region).departments }
        return departments
    }

    public static func shipped(region: String) throws(GenerationError) -> CommuneCatalog {
        guard shippedRegions.contains(region),
            let communes = Bundle.module.url(
                forResource: "communes-\(region)", withExtension: "csv", subdirectory: "Regions"),
            let departments = Bundle.module.url(
                forResource: "departements-\(region)", withExtension: "csv", subdirectory: "Regions")
        else {
            throw .unknownRegion(region, shipped: shippedRegions)
        }
        return try load(region: region, communes: communes, departments: departments)
    }

    public static func load(region: String, communes: URL, departments: URL) throws(GenerationError) -> CommuneCatalog {
        let communeRows = try readTable(communes)
        let departmentRows = try readTable(departments)
        var parsed: [Commune] = []
        for row in communeRows.rows {
            guard let code = row["insee_code"], let name = row["name"], let department = row["department"],
                let population = row["population"].flatMap(Int.init),
                let latitude = row["latitude"].flatMap(Double.init),
                let longitude = row["longitude"].flatMap(Double.init)
            else { throw .badDataRow(file: communes.lastPathComponent, line: row.line) }
            parsed.append(
                Commune(
                    inseeCode: code, name: name, departmentCode: department, population: population,
                    location: GeoPoint(latitude: latitude, longitude: longitude)))
        }
        let parsedDepartments = try departmentRows.rows.map { row throws(GenerationError) in
            guard let code = row["code"], let name = row["name"] else {
                throw .badDataRow(file: departments.lastPathComponent, line: row.line)
            }
            return Department(code: code, name: name)
        }
        let regionName = departmentRows.rows.lazy.compactMap { $0["region_name"] }.first { !$0.isEmpty } ?? region
        return CommuneCatalog(
            regionCode: region, regionName: regionName, communes: parsed, departments: parsedDepartments)
    }

    private static func readTable(_ url: URL) throws(GenerationError) -> CSVTable {
        do {
            return try CSVTable(contentsOf: url)
        } catch {
            throw .unreadableFile(error.description)
        }
    }

    public func department(_ code: String) -> Department? { departments.first { $0.code == code } }

    public func commune(_ inseeCode: String) -> Commune? { communes.first { $0.inseeCode == inseeCode } }
}
