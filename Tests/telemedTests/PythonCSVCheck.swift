import Foundation
import Testing

/// Runs `scripts/check_territories_csv.py` (Python's csv module, independent of telemed) on a
/// `territories.csv` and decodes the rows it read.
enum PythonCSVCheck {
    struct Report: Decodable {
        var rows: [Row]
    }

    struct Row: Decodable {
        var variant: String
        var level: String
        var code: String
        var name: String
        var population: Int?
        var sites: Int
        var requests: Int
        var served: Int
        var servedPercent: Double?
        var unitKm: Double
        var specialistHours: Double

        enum CodingKeys: String, CodingKey {
            case variant, level, code, name, population, sites, requests, served
            case servedPercent = "served_percent"
            case unitKm = "unit_km"
            case specialistHours = "specialist_hours"
        }
    }

    /// Fails (never skips) when Python is missing or the file does not parse.
    static func check(_ file: URL) throws -> Report {
        let result = try PythonTools.python(["scripts/check_territories_csv.py", file.path])
        guard result.status == 0 else {
            throw PythonTools.Missing(
                description: "check_territories_csv.py (\(PythonTools.interpreterName)) refused \(file.path): "
                    + result.standardError)
        }
        return try JSONDecoder().decode(Report.self, from: Data(result.standardOutput.utf8))
    }
}
