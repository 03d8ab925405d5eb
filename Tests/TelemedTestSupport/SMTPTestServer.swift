import Foundation

/// scripts/smtp_test_server.py (aiosmtpd) running on a free loopback port for one test: a real
/// server to talk to, which keeps what it received in a folder of its own.
public final class SMTPTestServer {
    public struct Envelope: Decodable, Sendable {
        public var mailFrom: String
        public var rcptTos: [String]
        public var tls: Bool
        public var authMechanism: String?

        enum CodingKeys: String, CodingKey {
            case tls
            case mailFrom = "mail_from"
            case rcptTos = "rcpt_tos"
            case authMechanism = "auth_mechanism"
        }
    }

    public struct NotStarted: Error, CustomStringConvertible {
        public var description: String
    }

    public let port: Int
    public let folder: URL
    /// The test CA's certificate when the server speaks TLS.
    public let caFile: URL
    private let process: Process
    /// The script's own exit, a safety net for a test runner that dies: the test stops it first.
    /// Far longer than any test (a loaded two-core CI can take minutes between the server's start
    /// and the first mail, and a server gone by then refuses every delivery).
    static let lifetimeSeconds = 3600

    /// Starts the script with `arguments` as it takes them after its folder (`--tls starttls`,
    /// `--fail rcpt:451`…) and returns once it listens. Waits without holding a thread: other
    /// tests' sends run meanwhile.
    public static func start(_ arguments: [String] = []) async throws -> SMTPTestServer {
        try MailPython.requireServerTools()
        let folder = TestPaths.temporaryFolder("smtp")
        let scratch = folder.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let caFile = scratch.appendingPathComponent("ca.pem")
        let output = scratch.appendingPathComponent("server.out")
        let errors = scratch.appendingPathComponent("server.err")
        try Data().write(to: output)
        try Data().write(to: errors)
        let process = Process()
        process.executableURL = MailPython.venvPython
        process.arguments =
            [TestPaths.packageRoot.appendingPathComponent("scripts/smtp_test_server.py").path, folder.path]
            + ["--ca-file", caFile.path, "--lifetime", "\(Self.lifetimeSeconds)"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        // Generous: under a full parallel suite on two cores, Python's start and the certificates
        // can take long, and a sleeping task may wake well after its time. The output is read once
        // more after the deadline, so an oversleep never loses a port that was printed.
        let deadline = ContinuousClock.now + .seconds(180)
        func port() -> Int? {
            let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            return text.hasSuffix("\n") ? Int(text.dropLast()) : nil
        }
        while ContinuousClock.now < deadline, process.isRunning, port() == nil {
            try await Task.sleep(for: .milliseconds(50))
        }
        if let port = port() { return SMTPTestServer(process: process, port: port, folder: folder, caFile: caFile) }
        let running = process.isRunning
        Self.stop(process)
        let reason = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        throw NotStarted(
            description: "smtp_test_server.py printed no port "
                + (running ? "within 180 s" : "and exited with status \(process.terminationStatus)") + ": \(reason)")
    }

    private init(process: Process, port: Int, folder: URL, caFile: URL) {
        self.process = process
        self.port = port
        self.folder = folder
        self.caFile = caFile
    }

    deinit {
        Self.stop(process)
        try? FileManager.default.removeItem(at: folder.deletingLastPathComponent())
    }

    /// SIGKILL: a child may inherit a blocked or ignored SIGTERM from the test runner.
    private static func stop(_ process: Process) {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// The messages received so far, in order: the bytes as the server read them (dot-stuffing undone).
    public func received() throws -> [(content: Data, envelope: Envelope)] {
        var messages: [(Data, Envelope)] = []
        var number = 1
        while FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(number).eml").path) {
            let content = try Data(contentsOf: folder.appendingPathComponent("\(number).eml"))
            let facts = try Data(contentsOf: folder.appendingPathComponent("\(number).json"))
            messages.append((content, try JSONDecoder().decode(Envelope.self, from: facts)))
            number += 1
        }
        return messages
    }
}
