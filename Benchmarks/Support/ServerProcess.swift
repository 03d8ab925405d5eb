import Foundation

/// `telemed serve` on a free port, its logs in a file; stopped with SIGTERM as an operator would.
public struct ServerProcess {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let process: Process
    public let baseURL: URL

    /// `arguments`: more options for `telemed serve` (a relay, a clock).
    public init(
        telemed: URL, database: URL, adminToken: String, log: URL, arguments: [String] = [],
        environment: [String: String] = [:]
    ) throws {
        try self.init(
            telemed: telemed, location: database.path, adminToken: adminToken, log: log, arguments: arguments,
            environment: environment)
    }

    /// `location`: a SQLite file's path or a PostgreSQL address (a replica).
    public init(
        telemed: URL, location: String, adminToken: String, log: URL, arguments: [String] = [],
        environment: [String: String] = [:]
    ) throws {
        process = Process()
        process.executableURL = telemed
        process.arguments = ["serve", "--db", location, "--port", "0"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(
            environment.merging(["TELEMED_ADMIN_TOKEN": adminToken]) { $1 }
        ) { $1 }
        let output = Pipe()
        process.standardOutput = output
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        var text = ""
        while process.isRunning || !text.isEmpty {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.hasPrefix("listening on ") }),
                let url = URL(string: String(line.dropFirst("listening on ".count)))
            {
                baseURL = url
                return
            }
        }
        throw Failure(description: "telemed serve did not start:\n\(text)\n(logs in \(log.path))")
    }

    /// CPU seconds (user and system) the server has used so far, from `/proc/<pid>/stat`: rates
    /// measured on a shared machine move with the load, CPU time per request much less.
    public var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8),
            let afterName = stat.lastIndex(of: ")")
        else { return 0 }
        // Fields after the command name; utime and stime are fields 14 and 15 of the whole line.
        let fields = stat[stat.index(after: afterName)...].split(separator: " ")
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// SIGKILL: no shutdown at all, as a crash would.
    public func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    public func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
