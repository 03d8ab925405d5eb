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
        var zoneKind: String?
        var population: Int?
        var populationWithin30: Int?
        var populationWithin45: Int?
        var sites: Int
        var requests: Int
        var served: Int
        var servedPercent: Double?
        var servedWithinDelayPercent: Double?
        var consultationsPerThousand: Double?
        var waitMedianDays: Double?
        var waitP90Days: Double?
        var unitKm: Double
        var specialistHours: Double

        enum CodingKeys: String, CodingKey {
            case variant, level, code, name, population, sites, requests, served
            case zoneKind = "zone_kind"
            case populationWithin30 = "population_within_30_min"
            case populationWithin45 = "population_within_45_min"
            case servedPercent = "served_percent"
            case servedWithinDelayPercent = "served_within_delay_percent"
            case consultationsPerThousand = "consultations_per_1000"
            case waitMedianDays = "wait_median_days"
            case waitP90Days = "wait_p90_days"
            case unitKm = "unit_km"
            case specialistHours = "specialist_hours"
        }
    }

    /// Fails (never skips) when Python is missing or the file does not parse.
    static func check(_ file: URL) throws -> Report {
        try PythonTools.report("check_territories_csv.py", reading: file, as: Report.self)
    }
}
