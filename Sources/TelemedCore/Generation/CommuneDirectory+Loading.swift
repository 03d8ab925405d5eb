import Foundation

/// Reading the three CSV files (columns in `Resources/Communes/SOURCE.md`); a row that does not
/// read names its file and line.
extension CommuneDirectory {
    public static func load(communes: URL, departments: URL, intercommunalities: URL) throws(GenerationError)
        -> CommuneDirectory
    {
        let parsedDepartments = try readDepartments(departments)
        let epcis = try readIntercommunalities(intercommunalities)
        let regionOf = Dictionary(
            parsedDepartments.map { ($0.code, $0.regionCode) }, uniquingKeysWith: { first, _ in first })
        let table = try readTable(communes)
        let expected =
            "insee_code, name, a department of \(departments.lastPathComponent), population, latitude, longitude, "
            + "and an epci of \(intercommunalities.lastPathComponent) or nothing"
        var parsed: [Commune] = []
        parsed.reserveCapacity(table.rows.count)
        for row in table.rows {
            let epci = row["epci"] ?? ""
            guard let code = row["insee_code"], let name = row["name"], let department = row["department"],
                let region = regionOf[department],
                let population = row["population"].flatMap(Int.init),
                let latitude = row["latitude"].flatMap(Double.init), (-90...90).contains(latitude),
                let longitude = row["longitude"].flatMap(Double.init), (-180...180).contains(longitude),
                epci.isEmpty || epcis[epci] != nil
            else { throw .badDataRow(file: communes.lastPathComponent, line: row.line, expected: expected) }
            parsed.append(
                Commune(
                    inseeCode: code, name: name, departmentCode: department, regionCode: region,
                    population: population, location: GeoPoint(latitude: latitude, longitude: longitude),
                    intercommunality: epci.isEmpty ? nil : epcis[epci]))
        }
        return CommuneDirectory(communes: parsed, departments: parsedDepartments)
    }

    private static func readDepartments(_ url: URL) throws(GenerationError) -> [Department] {
        try readTable(url).rows.map { row throws(GenerationError) in
            guard let code = row["code"], let name = row["name"], let region = row["region"],
                let regionName = row["region_name"], !code.isEmpty, !region.isEmpty
            else {
                throw .badDataRow(
                    file: url.lastPathComponent, line: row.line, expected: "code, name, region, region_name")
            }
            return Department(code: code, name: name, regionCode: region, regionName: regionName)
        }
    }

    private static func readIntercommunalities(_ url: URL) throws(GenerationError) -> [String: Intercommunality] {
        var epcis: [String: Intercommunality] = [:]
        for row in try readTable(url).rows {
            guard let siren = row["siren"], let name = row["name"], !siren.isEmpty else {
                throw .badDataRow(file: url.lastPathComponent, line: row.line, expected: "siren, name, type")
            }
            epcis[siren] = Intercommunality(siren: siren, name: name)
        }
        return epcis
    }

    private static func readTable(_ url: URL) throws(GenerationError) -> CSVTable {
        do {
            return try CSVTable(contentsOf: url)
        } catch {
            throw .unreadableFile(error.description)
        }
    }
}
