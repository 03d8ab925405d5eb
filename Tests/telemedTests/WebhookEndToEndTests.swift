import Foundation
import Testing

/// Webhooks from the real `telemed serve` to a receiver that is not telemed's code: a Python
/// endpoint (scripts/webhook_receiver.py) that checks every signature with Python's hmac.
@Suite("Webhooks of the running server, checked by an independent receiver")
struct WebhookEndToEndTests {
    struct Line: Decodable {
        var id: String?
        var type: String?
        var valid: Bool
        var status: Int
    }

    /// The receiver's lines so far.
    static func lines(_ file: URL) throws -> [Line] {
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
        return try text.split(separator: "\n").map { try JSONDecoder().decode(Line.self, from: Data($0.utf8)) }
    }

    /// Waits (real time, at most `seconds`) until `condition` holds over the receiver's lines.
    static func waitFor(_ file: URL, seconds: Double, _ condition: ([Line]) -> Bool) async throws -> [Line] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let lines = try lines(file)
            if condition(lines) { return lines }
            try await Task.sleep(for: .milliseconds(200))
        }
        return try lines(file)
    }

    /// Starts the Python receiver; its process and port.
    static func receiver(secret: URL, out: URL, fail: Int, port: String = "0") throws -> (
        TelemedProcess.Running, String
    ) {
        let prefix = PythonTools.interpreter.lastPathComponent == "env" ? ["python3"] : []
        let receiver = try TelemedProcess.start(
            prefix + [
                "scripts/webhook_receiver.py", "--secret-file", secret.path, "--out", out.path, "--fail", "\(fail)",
                "--port", port,
            ], executable: PythonTools.interpreter)
        let listening = OutputWatch.read(receiver.standardOutput, of: receiver.process, within: .seconds(60)) {
            $0.contains("listening on ")
        }
        let bound = listening.text.split(separator: " ").last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return (receiver, try #require(bound, "the receiver did not start: \(listening.text)"))
    }

    /// Registers the receiver on `port` for `events` with `telemed webhook add`, and hands it the
    /// signing secret the command printed (through `secretFile`); the secret.
    @discardableResult
    static func addWebhook(_ database: URL, port: String, events: String, secretFile: URL) throws -> String {
        let added = try TelemedProcess.run([
            "webhook", "add", "--db", database.path, "--url", "http://127.0.0.1:\(port)/hook", "--events", events,
        ])
        #expect(added.status == 0, "\(added.standardError)")
        let secret = try #require(added.standardOutput.firstMatch(of: /whsec_[0-9a-f]{64}/)?.output)
        try Data(secret.utf8).write(to: secretFile)
        return String(secret)
    }

    /// Asks for a dermatology consultation at the EHPAD and books the first proposal; the booking's id.
    static func book(_ server: RunningServer, patient: String) async throws -> String {
        let site = "E-58-0001"
        let token = try #require(server.credentials.siteTokens[site])
        let asked = try await server.send(
            "POST", "/api/v1/requests", token: token,
            json: #"{"siteId": "\#(site)", "patientRef": "\#(patient)", "specialty": "dermatology", "mode": "live", "#
                + #""urgency": "soon", "requiredEquipment": ["dermatoscope"], "durationMinutes": 30, "#
                + #""consent": {"givenBy": "resident", "recordedOn": "2027-03-15"}}"#)
        let proposals = try #require(try asked.json()["proposals"] as? [[String: Any]])
        let proposal = try #require(proposals.first?["id"] as? String)
        let booked = try await server.send(
            "POST", "/api/v1/bookings", token: token, json: #"{"proposalId": "\#(proposal)"}"#)
        #expect(booked.status == 201)
        return try #require(try booked.json()["id"] as? String)
    }

    @Test("killed with events in the outbox, restarted: every event arrives, repeats only under the same id")
    func survivesSIGKILL() async throws {
        try PythonTools.require("json", package: "Python 3")
        let first = try RunningServer()
        let folder = first.database.deletingLastPathComponent()
        let (secretFile, out) = (folder.appendingPathComponent("secret"), folder.appendingPathComponent("hooks.jsonl"))
        // A receiver that answers 500 to everything: the events stay in the outbox.
        let (failing, port) = try Self.receiver(secret: secretFile, out: out, fail: 1_000_000)
        try Self.addWebhook(first.database, port: port, events: "booking.confirmed", secretFile: secretFile)
        var booked: [String] = []
        for patient in ["P-KILL-1", "P-KILL-2", "P-KILL-3"] {
            booked.append(try await Self.book(first, patient: patient))
        }
        _ = try await Self.waitFor(out, seconds: 30) { Set($0.compactMap(\.id)).count == 3 }
        first.kill()
        // SIGKILL: the receiver inherits the test runner's signal dispositions and may ignore SIGTERM.
        kill(failing.process.processIdentifier, SIGKILL)
        failing.process.waitUntilExit()

        let (receiver, _) = try Self.receiver(secret: secretFile, out: out, fail: 0, port: port)
        defer { kill(receiver.process.processIdentifier, SIGKILL) }
        // Restarted later, as after a crash: the retries the first server scheduled are due.
        let second = try RunningServer(extraArguments: ["--now", "2027-03-15T10:00:00+01:00"], reusing: first.database)
        defer { _ = second.stop() }
        let lines = try await Self.waitFor(out, seconds: 90) { lines in
            Set(lines.filter { $0.status == 200 }.compactMap(\.id)).count == 3
        }
        let delivered = Set(lines.filter { $0.status == 200 }.compactMap(\.id))
        #expect(delivered.count == 3, "every event arrives after the restart")
        #expect(Set(lines.compactMap(\.id)) == delivered, "no id but the three events' ever arrives")
        #expect(lines.allSatisfy { $0.valid && $0.type == "booking.confirmed" })
    }

    @Test(
        "a booking's confirmation and cancellation reach the webhook signed; answered 500 twice, the third try delivers"
    )
    func signedAndRetried() async throws {
        try PythonTools.require("json", package: "Python 3")
        let server = try RunningServer()
        defer { _ = server.stop() }
        let folder = server.database.deletingLastPathComponent()
        let (secretFile, out) = (folder.appendingPathComponent("secret"), folder.appendingPathComponent("hooks.jsonl"))
        let (receiver, port) = try Self.receiver(secret: secretFile, out: out, fail: 2)
        defer { kill(receiver.process.processIdentifier, SIGKILL) }

        let secret = try Self.addWebhook(
            server.database, port: port, events: "booking.confirmed,booking.cancelled", secretFile: secretFile)
        let listed = try TelemedProcess.run(["webhook", "list", "--db", server.database.path])
        #expect(listed.standardOutput.contains("booking.cancelled,booking.confirmed"))
        #expect(!listed.standardOutput.contains(secret), "the secret is shown once, when added")

        let booking = try await Self.book(server, patient: "P-HOOK-1")

        // The first two tries are answered 500; the third, 10 + 20 s later, is delivered.
        var lines = try await Self.waitFor(out, seconds: 90) { $0.contains { $0.status == 200 } }
        #expect(lines.map(\.status) == [500, 500, 200])
        #expect(lines.allSatisfy { $0.valid }, "Python's hmac accepts every signature")
        #expect(Set(lines.compactMap(\.id)).count == 1 && lines.allSatisfy { $0.type == "booking.confirmed" })

        let token = try #require(server.credentials.siteTokens["E-58-0001"])
        #expect(try await server.send("POST", "/api/v1/bookings/\(booking)/cancel", token: token).status == 200)
        lines = try await Self.waitFor(out, seconds: 30) { $0.contains { $0.type == "booking.cancelled" } }
        let cancelled = try #require(lines.last)
        #expect(cancelled.type == "booking.cancelled" && cancelled.valid && cancelled.status == 200)
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("P-HOOK-1") && !text.contains("notes"))
    }
}
