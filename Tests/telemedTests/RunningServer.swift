import Foundation
import Testing

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// A real `telemed serve` on a free port (`--port 0`) with a temporary database, set up with the
/// small feed fixture (2027-03-22 to 2027-04-02) and its clock started a week before it
/// (`--now`), so the tests pass whatever the machine's date; talked to over HTTP with
/// URLSession, as a client would.
/// `@unchecked Sendable`: its stored properties are set once in `init`; replicas start on tasks of their own.
final class RunningServer: @unchecked Sendable {
    /// Where the server's clock starts unless a test gives its own `--now`.
    static let now = "2027-03-15T08:00:00+01:00"

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }

        func header(_ name: String) -> String? {
            headers.first { $0.key.lowercased() == name.lowercased() }?.value
        }

        func json() throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        }
    }

    struct Credentials: Decodable {
        struct Feed: Decodable {
            var kind: String
            var ownerId: String
            var secret: String
        }

        var adminToken: String?
        var plannerToken: String
        var siteTokens: [String: String]
        var unitTokens: [String: String]
        var specialistTokens: [String: String]
        var feeds: [Feed]

        func feedPath(_ kind: String, _ owner: String) -> String {
            "/feeds/\(feeds.first { $0.kind == kind && $0.ownerId == owner }!.secret).ics"
        }
    }

    let process: Process
    let baseURL: URL
    let database: URL
    let credentials: Credentials
    let log: URL
    private let session: URLSession

    /// Starts the server and waits (at most a minute) for its `listening on` line. With
    /// `setUpDemo` the server sets up the demo region itself, starting on its clock's today; else
    /// the region of `scenario` (a path from the package root; the feeds fixture by default).
    /// `reusing`: the database of a server that stopped (or was killed), to start again on it.
    /// `postgres`: a PostgreSQL address to serve instead of a SQLite file, with the credentials
    /// written to (or, for a replica that did not set up, read from) `credentials`.
    init(
        extraArguments: [String] = [], environment: [String: String] = [:], setUpDemo: Bool = false,
        scenario: String = "Tests/Fixtures/feeds/scenario.json", reusing: URL? = nil, postgres: String? = nil,
        credentials credentialsFile: URL? = nil
    ) throws {
        let folder = reusing?.deletingLastPathComponent() ?? TelemedProcess.temporaryFile("serve")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        database = folder.appendingPathComponent("telemed.sqlite")
        let credentialsFile = credentialsFile ?? URL(fileURLWithPath: database.path + ".credentials.json")
        log = folder.appendingPathComponent("server.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        process = Process()
        process.executableURL = TelemedProcess.binary
        process.currentDirectoryURL = TelemedProcess.packageRoot
        process.arguments =
            [
                "serve", "--db", postgres ?? database.path, "--credentials", credentialsFile.path, "--port", "0",
                "--setup-seconds", "0.2", "--plan-seconds", "0.2",
            ] + (setUpDemo ? [] : ["--scenario", scenario])
            + (extraArguments.contains("--now") ? [] : ["--now", Self.now]) + extraArguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let output = Pipe()
        process.standardOutput = output
        // Logs go to a file: a pipe nobody drains would fill and block the server.
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        baseURL = try Self.waitForListening(output.fileHandleForReading, process: process)
        credentials = try JSONDecoder().decode(Credentials.self, from: try Self.waitForFile(credentialsFile))
        let configuration = URLSessionConfiguration.ephemeral
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
        session = URLSession(configuration: configuration)
    }

    private static func waitForListening(_ output: FileHandle, process: Process) throws -> URL {
        func listening(_ text: String) -> Substring? {
            text.split(separator: "\n").first { $0.hasPrefix("listening on ") }
        }
        let read = OutputWatch.read(output, of: process, within: .seconds(120)) { listening($0) != nil }
        guard let line = listening(read.text) else { throw ServerDidNotStart(output: read.text) }
        return try #require(URL(string: String(line.dropFirst("listening on ".count))))
    }

    /// The file's contents once it exists: a replica that did not set up listens as soon as the
    /// region is stored, maybe before the one that did has written the credentials.
    private static func waitForFile(_ url: URL) throws -> Data {
        for _ in 0..<600 {
            if let data = FileManager.default.contents(atPath: url.path), !data.isEmpty { return data }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return try Data(contentsOf: url)
    }

    struct ServerDidNotStart: Error {
        var output: String
    }

    func send(
        _ method: String, _ path: String, token: String? = nil, json: String? = nil, headers: [String: String] = [:]
    ) async throws -> Reply {
        var request = URLRequest(url: URL(string: path, relativeTo: baseURL)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let json {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(json.utf8)
        }
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        let (data, response) = try await session.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        var fields: [String: String] = [:]
        for case (let name as String, let value as String) in http.allHeaderFields { fields[name] = value }
        return Reply(status: http.statusCode, headers: fields, body: data)
    }

    /// A test that stopped early (a failed `#require`) must not leave its server running.
    deinit {
        if process.isRunning { process.terminate() }
    }

    /// SIGKILL: no shutdown at all, as a crash or an out-of-memory kill.
    func kill() {
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// SIGTERM, then the exit status (0 after a graceful shutdown).
    func stop() -> Int32 {
        process.terminate()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
