import Foundation

/// The Python tools the tests use to check telemed's output independently of telemed's own code
/// (icalendar, openapi-spec-validator, schemathesis). scripts/install-dependencies.sh puts them in
/// the venv `.build/python`; without the venv, `python3` on PATH is tried.
enum PythonTools {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    static let venv = TelemedProcess.packageRoot.appendingPathComponent(".build/python/bin")

    /// The venv's interpreter, else `/usr/bin/env` (then `python3` is its first argument).
    static let interpreter: URL = {
        let python = venv.appendingPathComponent("python")
        return FileManager.default.isExecutableFile(atPath: python.path) ? python : URL(fileURLWithPath: "/usr/bin/env")
    }()

    static var interpreterName: String {
        interpreter.lastPathComponent == "env" ? "python3 on PATH" : interpreter.path
    }

    static func python(_ arguments: [String]) throws -> TelemedProcess.Result {
        let prefix = interpreter.lastPathComponent == "env" ? ["python3"] : []
        return try TelemedProcess.run(prefix + arguments, executable: interpreter)
    }

    /// Throws (so the test fails, never skips) when `module` does not import.
    static func require(_ module: String, package: String) throws {
        let probe = try python(["-c", "import \(module)"])
        guard probe.status == 0 else {
            throw Missing(
                description:
                    "Python's \(package) is missing (\(interpreterName)): run scripts/install-dependencies.sh, "
                    + "which installs it in .build/python. \(probe.standardError)")
        }
    }

    /// Runs one of `scripts/` on `file` and decodes the JSON it prints; fails (never skips) when the
    /// script refuses the file.
    static func report<Report: Decodable>(_ script: String, reading file: URL, as type: Report.Type) throws -> Report {
        let result = try python(["scripts/\(script)", file.path])
        guard result.status == 0 else {
            throw Missing(description: "\(script) (\(interpreterName)) refused \(file.path): " + result.standardError)
        }
        return try JSONDecoder().decode(Report.self, from: Data(result.standardOutput.utf8))
    }

    /// A console script of the venv (`schemathesis`), after checking its module imports.
    static func script(_ name: String, module: String) throws -> URL {
        try require(module, package: name)
        let script = venv.appendingPathComponent(name)
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            throw Missing(description: "\(script.path) is missing: run scripts/install-dependencies.sh.")
        }
        return script
    }
}
