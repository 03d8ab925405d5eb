import Foundation

/// Runs `scripts/check_activity_csv.py` (Python's csv module, independent of telemed) on an
/// `activity.csv` and decodes what it read: lines per section, and each figure summed per section.
enum PythonActivityCSVCheck {
    struct Report: Decodable {
        var lines: [String: Int]
        var sums: [String: [String: Double]]
    }

    /// Fails (never skips) when Python is missing or the file does not parse.
    static func check(_ file: URL) throws -> Report {
        try PythonTools.report("check_activity_csv.py", reading: file, as: Report.self)
    }
}
