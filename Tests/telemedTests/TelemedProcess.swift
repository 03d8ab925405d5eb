import Foundation

/// Runs the real `telemed` binary built by `swift test`, as a user would.
struct TelemedProcess {
    struct Result {
        var status: Int32
        var standardOutput: String
        var standardError: String
    }

    /// The package root, from this file's location.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `TELEMED_BINARY` if set, else the `telemed` next to the test bundle (same build folder).
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["TELEMED_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        var folder = Bundle.main.bundleURL
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("telemed")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue
            {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/telemed")
    }()

    /// Runs `executable` (the telemed binary unless told otherwise) in the package root;
    /// `environment` overrides variables of the test's own.
    static func run(
        _ arguments: [String], executable: URL = binary, environment: [String: String] = [:]
    ) throws -> Result {
        try start(arguments, executable: executable, environment: environment).finish()
    }

    static func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("telemed-tests-\(UUID().uuidString)")
            .appendingPathComponent(name)
    }
}

extension TelemedProcess {
    /// A `telemed` process started and not yet waited for.
    struct Running {
        let process: Process
        let standardOutput: FileHandle
        let standardError: FileHandle

        /// Waits for the end and returns the output not read yet. Reads before waiting so a large
        /// output cannot fill the pipe and block the child.
        func finish() -> Result {
            let outData = standardOutput.readDataToEndOfFile()
            let errData = standardError.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(
                status: process.terminationStatus, standardOutput: String(decoding: outData, as: UTF8.self),
                standardError: String(decoding: errData, as: UTF8.self))
        }
    }

    static func start(
        _ arguments: [String], executable: URL = binary, environment: [String: String] = [:]
    ) throws -> Running {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, override in override }
        }
        process.currentDirectoryURL = packageRoot
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        return Running(
            process: process, standardOutput: output.fileHandleForReading, standardError: error.fileHandleForReading)
    }
}
