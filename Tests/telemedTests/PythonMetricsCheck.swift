import Foundation

/// Runs `scripts/check_metrics.py` (prometheus_client's text parser, independent of telemed and of
/// swift-prometheus) on an exposition and decodes the families it read.
enum PythonMetricsCheck {
    struct Report: Decodable {
        var families: [Family]

        func family(_ name: String) -> Family? { families.first { $0.name == name } }
    }

    struct Family: Decodable {
        var name: String
        var type: String
        var help: String
        var samples: [Sample]

        /// The label names its samples carry, `le` of histogram buckets included.
        var labelNames: Set<String> { Set(samples.flatMap(\.labels.keys)) }
    }

    struct Sample: Decodable {
        var name: String
        var labels: [String: String]
    }

    /// Fails (never skips) when prometheus_client is missing or the text does not parse.
    static func check(_ exposition: String) throws -> Report {
        try PythonTools.require("prometheus_client", package: "prometheus_client")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("metrics-\(UUID().uuidString).txt")
        try exposition.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try PythonTools.report("check_metrics.py", reading: file, as: Report.self)
    }
}
