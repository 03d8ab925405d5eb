import Foundation
import Testing

/// Runs `scripts/check_feeds.py` (Python's icalendar, independent of libical) on a folder of
/// published feeds and decodes what it read.
enum PythonFeedCheck {
    struct Report: Decodable {
        var feeds: [String: Feed]
    }

    struct Feed: Decodable {
        var calendar: [String: String]
        var timezones: [String]
        var events: [Event]
    }

    struct Event: Decodable {
        var uid: String
        var summary: String?
        var description: String?
        var location: String?
        var url: String?
        var status: String?
        var sequence: Int
        var properties: [String]
        var dtstart: Time?
        var dtend: Time?
    }

    struct Time: Decodable {
        var local: String
        var utc: String?
        var tzid: String?
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    /// The venv that scripts/install-dependencies.sh makes, else `python3` on PATH.
    static let interpreter: URL = {
        let venv = TelemedProcess.packageRoot.appendingPathComponent(".build/python/bin/python")
        return FileManager.default.isExecutableFile(atPath: venv.path) ? venv : URL(fileURLWithPath: "/usr/bin/env")
    }()

    static var interpreterName: String {
        interpreter.lastPathComponent == "env" ? "python3 on PATH" : interpreter.path
    }

    static func python(_ arguments: [String]) throws -> TelemedProcess.Result {
        let prefix = interpreter.lastPathComponent == "env" ? ["python3"] : []
        return try TelemedProcess.run(prefix + arguments, executable: interpreter)
    }

    /// Fails (never skips) when Python or icalendar is missing.
    static func check(_ folder: URL) throws -> Report {
        let probe = try python(["-c", "import icalendar"])
        guard probe.status == 0 else {
            throw Missing(
                description: "Python's icalendar is missing (\(interpreterName)): run scripts/install-dependencies.sh, "
                    + "which installs it in .build/python. \(probe.standardError)")
        }
        let result = try python(["scripts/check_feeds.py", folder.path])
        #expect(result.status == 0, "check_feeds.py: \(result.standardError)")
        return try JSONDecoder().decode(Report.self, from: Data(result.standardOutput.utf8))
    }
}
