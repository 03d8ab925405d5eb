import Foundation

/// Runs a helper program (a browser, Python) to its end, with a time limit so a hung child
/// fails its test instead of the whole run.
public enum TestProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var output: String
        public var error: String
    }

    public struct TimedOut: Error, CustomStringConvertible {
        public var description: String
    }

    public static func run(
        _ executable: URL, _ arguments: [String], in folder: URL = TestPaths.packageRoot, timeout: Duration
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        // Files, not pipes: nothing to drain while waiting, whatever the child prints.
        let scratch = TestPaths.temporaryFolder("process")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch.deletingLastPathComponent()) }
        let out = scratch.appendingPathComponent("out")
        let err = scratch.appendingPathComponent("err")
        try Data().write(to: out)
        try Data().write(to: err)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                process.waitUntilExit()
                throw TimedOut(description: "\(executable.lastPathComponent) ran longer than \(timeout)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return Result(
            status: process.terminationStatus,
            output: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            error: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}
