// Notification latency: how long after its commit an event reaches its receivers, with the relay
// and the receiver up. `telemed serve` (the binary given; build it with -c release) confirms
// bookings posted at a steady rate; each confirmation is one event, delivered to a webhook receiver
// in this process (Hummingbird on loopback) and mailed to the site and the specialist through a
// real SMTP server on loopback (aiosmtpd, scripts/smtp_test_server.py, from the venv
// .build/python). The latency of a delivery is its arrival minus the moment its booking was
// POSTed (an upper bound: the commit comes after the POST is sent). Prints one JSON object.
// Usage: NotifyBenchmark [--telemed .build/release/telemed] [--rate 10] [--seconds 30]
//                        [--python .build/python/bin/python]
import BenchmarkSupport
import Foundation
import Hummingbird
import TelemedCore
import TelemedStore

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

func option(_ name: String, default value: String) -> String {
    let arguments = CommandLine.arguments
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return value }
    return arguments[index + 1]
}

struct Failure: Error, CustomStringConvertible {
    var description: String
}

/// What arrived where, and when.
actor Arrivals {
    /// Webhook deliveries by event id: the booking they tell of, and when they arrived.
    var hooks: [String: (bookingId: String, at: Date)] = [:]

    func record(event: String, booking: String, at instant: Date) {
        if hooks[event] == nil { hooks[event] = (booking, instant) }
    }
}

struct Latency: Encodable {
    var deliveries: Int
    var p50Milliseconds: Double
    var p90Milliseconds: Double
    var p99Milliseconds: Double
    var maxMilliseconds: Double

    init(_ seconds: [Double]) {
        let sorted = seconds.sorted()
        func quantile(_ q: Double) -> Double {
            sorted.isEmpty
                ? 0 : (sorted[min(sorted.count - 1, Int((Double(sorted.count) * q).rounded(.up)) - 1)] * 1000)
        }
        deliveries = sorted.count
        p50Milliseconds = quantile(0.5)
        p90Milliseconds = quantile(0.9)
        p99Milliseconds = quantile(0.99)
        maxMilliseconds = (sorted.last ?? 0) * 1000
    }
}

struct Result: Encodable {
    var bookingsPosted: Int
    var bookingsConfirmed: Int
    var ratePerSecond: Double
    var webhook: Latency
    var email: Latency
    var webhooksMissing: Int
    var emailsMissing: Int
    var serverExit: Int32
}

let telemed = URL(fileURLWithPath: option("--telemed", default: ".build/release/telemed"))
let python = URL(fileURLWithPath: option("--python", default: ".build/python/bin/python"))
let rate = Double(option("--rate", default: "10"))!
let seconds = Double(option("--seconds", default: "30"))!
let count = Int(rate * seconds)
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notify-benchmark-\(UUID().uuidString)")
let mailFolder = folder.appendingPathComponent("mail")
try FileManager.default.createDirectory(at: mailFolder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }

// The webhook receiver: records each event's id, its booking and when it arrived.
let arrivals = Arrivals()
let router = Router()
router.post("hook") { request, context -> HTTPResponse.Status in
    let body = try await request.body.collect(upTo: 1 << 20)
    let arrived = Date()
    struct Event: Decodable {
        struct Booking: Decodable { var id: String }
        var id: String
        var booking: Booking?
    }
    let event = try JSONDecoder().decode(Event.self, from: Data(buffer: body))
    await arrivals.record(event: event.id, booking: event.booking?.id ?? "", at: arrived)
    return .ok
}
let (portStream, portContinuation) = AsyncStream.makeStream(of: Int.self)
let receiver = Application(
    router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
    onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) })
let receiverTask = Task { try await receiver.runService() }
guard let hookPort = await portStream.first(where: { _ in true }) else {
    throw Failure(description: "the webhook receiver did not start")
}

// The SMTP server: the venv's aiosmtpd, on a free port it prints first.
let smtp = Process()
smtp.executableURL = python
smtp.arguments = [
    "scripts/smtp_test_server.py", mailFolder.path, "--ca-file", folder.appendingPathComponent("ca.pem").path,
    "--lifetime", "\(Int(seconds) + 300)",
]
let smtpOutput = Pipe()
smtp.standardOutput = smtpOutput
try smtp.run()
defer { kill(smtp.processIdentifier, SIGKILL) }
let smtpLine = String(decoding: smtpOutput.fileHandleForReading.availableData, as: UTF8.self)
guard let smtpPort = Int(smtpLine.trimmingCharacters(in: .whitespacesAndNewlines)) else {
    throw Failure(description: "smtp_test_server.py printed no port (\(smtpLine)); run scripts/install-dependencies.sh")
}

// The database: a bookable region whose site and specialists have addresses, every proposal
// stored, and the receiver registered for confirmations.
let load = BookableLoad(bookings: count, specialists: 40)
var scenario = load.scenario()
scenario.sites[0].email = "accueil.charge@example.org"
for index in scenario.specialists.indices { scenario.specialists[index].email = "dr.\(index)@example.org" }
let databaseFile = folder.appendingPathComponent("telemed.sqlite")
let database = try TelemedDatabase.openFile(at: databaseFile.path, clock: .system)
try database.importScenario(scenario, actor: "benchmark")
try database.saveProposals((0..<count).map { load.proposal($0, now: Date()) })
let seal = SecretSeal(key: try KeyFile.loadOrCreate(at: databaseFile.path + ".webhooks.key", purpose: .webhookSecrets))
_ = try database.addWebhook(
    url: URL(string: "http://127.0.0.1:\(hookPort)/hook")!, events: [.bookingConfirmed], seal: seal, actor: "benchmark")
let adminToken = "notify-benchmark-admin-token-0123456789"

let server = try ServerProcess(
    telemed: telemed, database: databaseFile, adminToken: adminToken, log: folder.appendingPathComponent("server.log"),
    arguments: [
        "--smtp-host", "127.0.0.1", "--smtp-port", "\(smtpPort)", "--smtp-tls", "none", "--mail-from",
        "ne-pas-repondre@telemed.example.org", "--reminder-at", "none",
    ])

// The load: one POST every 1/rate seconds, each on its own task so a slow answer delays no other.
let bookingsURL = server.baseURL.appendingPathComponent("api/v1/bookings")
let started = Date()
let posted = await withTaskGroup(of: (String, Date)?.self) { group in
    for index in 0..<count {
        group.addTask {
            let due = started.addingTimeInterval(Double(index) / rate)
            if due > Date() { try? await Task.sleep(for: .milliseconds(Int(due.timeIntervalSinceNow * 1000))) }
            var request = URLRequest(url: bookingsURL)
            request.httpMethod = "POST"
            request.setValue("Bearer \(adminToken)", forHTTPHeaderField: "Authorization")
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = Data(#"{"proposalId": "P-\#(index)"}"#.utf8)
            let sent = Date()
            guard let (data, response) = try? await URLSession.shared.data(for: request),
                (response as? HTTPURLResponse)?.statusCode == 201,
                let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let id = object["id"] as? String
            else { return nil }
            return (id, sent)
        }
    }
    var sent: [String: Date] = [:]
    for await result in group { if let (id, at) = result { sent[id] = at } }
    return sent
}

/// The mails received so far: each one's event id (its `Telemed-Event-Id` header) and arrival (the
/// file's modification time: the server writes it when the DATA ends).
func mails() throws -> [(event: String, at: Date)] {
    try FileManager.default.contentsOfDirectory(atPath: mailFolder.path).filter { $0.hasSuffix(".eml") }.compactMap {
        let path = mailFolder.appendingPathComponent($0).path
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        guard let line = text.split(separator: "\r\n").first(where: { $0.hasPrefix("Telemed-Event-Id: ") }) else {
            return nil
        }
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        return (String(line.dropFirst("Telemed-Event-Id: ".count)), modified ?? Date())
    }
}

// Wait for everything to arrive, at most a minute after the last POST.
let deadline = Date().addingTimeInterval(60)
while Date() < deadline {
    if await arrivals.hooks.count >= posted.count, try mails().count >= 2 * posted.count { break }
    try await Task.sleep(for: .milliseconds(200))
}
let serverExit = server.stop()
receiverTask.cancel()

let hooks = await arrivals.hooks
let hookLatencies = hooks.values.compactMap { hook in posted[hook.bookingId].map { hook.at.timeIntervalSince($0) } }
let mailLatencies = try mails().compactMap { mail in
    hooks[mail.event].flatMap { posted[$0.bookingId] }.map { mail.at.timeIntervalSince($0) }
}
let result = Result(
    bookingsPosted: count, bookingsConfirmed: posted.count, ratePerSecond: rate, webhook: Latency(hookLatencies),
    email: Latency(mailLatencies), webhooksMissing: posted.count - hookLatencies.count,
    emailsMissing: 2 * posted.count - mailLatencies.count, serverExit: serverExit)
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
print(String(decoding: try encoder.encode(result), as: UTF8.self))
