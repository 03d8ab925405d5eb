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
        try PythonTools.report("check_territories_csv.py", reading: file, as: Report.self)
    }
}
