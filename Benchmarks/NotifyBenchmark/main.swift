// Notification latency: how long after its commit an event reaches its receivers, with the relay
// and the receiver up. `telemed serve` (the binary given; build it with -c release) confirms
// bookings posted at a steady rate; each confirmation is one event, delivered to a webhook receiver
// in this process (Hummingbird on loopback) and mailed to the site and the specialist through a
// real SMTP server on loopback (aiosmtpd, scripts/smtp_test_server.py, from the venv
// .build/python). The latency of a delivery is its arrival minus the moment its booking was
// POSTed (an upper bound: the commit comes after the POST is sent). With --kill the server is
// killed (SIGKILL) as soon as the first half of the bookings is confirmed, with their events still
// in the outbox, and started again on the same file for the second half: every event must still
// arrive, and a repeat is counted per event and recipient. Prints one JSON object.
// Usage: NotifyBenchmark [--telemed .build/release/telemed] [--rate 10] [--seconds 30] [--kill]
//                        [--python .build/python/bin/python]
import BenchmarkSupport
import Foundation
import Hummingbird
import Logging
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
    /// Webhook deliveries by event id: the booking they tell of, and when they first arrived.
    var hooks: [String: (bookingId: String, at: Date)] = [:]
    /// Deliveries of an event already received.
    var repeats = 0

    func record(event: String, booking: String, at instant: Date) {
        if hooks[event] == nil { hooks[event] = (booking, instant) } else { repeats += 1 }
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
    /// Whether the server was killed halfway (then latencies include the restart).
    var killedHalfway: Bool
    /// Webhook events not received yet when the server was killed (in its outbox or in flight).
    var webhooksPendingAtKill: Int?
    var webhook: Latency
    var email: Latency
    var webhooksMissing: Int
    var emailsMissing: Int
    /// Deliveries of an event its receiver already had (webhook: by event id; e-mail: by event
    /// and recipient).
    var webhookRepeats: Int
    var emailRepeats: Int
    var serverExit: Int32
}

let telemed = URL(fileURLWithPath: option("--telemed", default: ".build/release/telemed"))
let python = URL(fileURLWithPath: option("--python", default: ".build/python/bin/python"))
let rate = Double(option("--rate", default: "10"))!
let seconds = Double(option("--seconds", default: "30"))!
let count = Int(rate * seconds)
let killHalfway = CommandLine.arguments.contains("--kill")
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
    onServerRunning: { channel in portContinuation.yield(channel.localAddress?.port ?? 0) },
    logger: Logger(label: "receiver", factory: { _ in SwiftLogNoOpLogHandler() }))
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

let serverArguments = [
    "--smtp-host", "127.0.0.1", "--smtp-port", "\(smtpPort)", "--smtp-tls", "none", "--mail-from",
    "ne-pas-repondre@telemed.example.org", "--reminder-at", "none",
]
func startServer(_ run: Int) throws -> ServerProcess {
    try ServerProcess(
        telemed: telemed, database: databaseFile, adminToken: adminToken,
        log: folder.appendingPathComponent("server-\(run).log"), arguments: serverArguments)
}

/// Posts bookings `range` at the rate, one per task so a slow answer delays no other; each
/// confirmed booking's id with the moment its POST was sent.
func post(_ range: Range<Int>, to server: ServerProcess) async -> [String: Date] {
    let bookingsURL = server.baseURL.appendingPathComponent("api/v1/bookings")
    let started = Date()
    return await withTaskGroup(of: (String, Date)?.self) { group in
        for index in range {
            group.addTask {
                let due = started.addingTimeInterval(Double(index - range.lowerBound) / rate)
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
}

var server = try startServer(1)
var posted: [String: Date]
var pendingAtKill: Int?
if killHalfway {
    posted = await post(0..<count / 2, to: server)
    // SIGKILL: no shutdown; the events of the last confirmations are still in the outbox.
    kill(server.process.processIdentifier, SIGKILL)
    server.process.waitUntilExit()
    pendingAtKill = posted.count - (await arrivals.hooks.count)
    server = try startServer(2)
    posted.merge(await post(count / 2..<count, to: server)) { first, _ in first }
} else {
    posted = await post(0..<count, to: server)
}

/// The mails received so far: each one's event id (its `Telemed-Event-Id` header), recipient and
/// arrival (the file's modification time: the server writes it when the DATA ends).
func mails() throws -> [(event: String, to: String, at: Date)] {
    try FileManager.default.contentsOfDirectory(atPath: mailFolder.path).filter { $0.hasSuffix(".eml") }.compactMap {
        let path = mailFolder.appendingPathComponent($0).path
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
        let lines = text.split(separator: "\r\n")
        func header(_ name: String) -> String? {
            lines.first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
        }
        guard let event = header("Telemed-Event-Id"), let to = header("To") else { return nil }
        let modified = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
        return (event, to, modified ?? Date())
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
// The first arrival of each event at each recipient; later ones are repeats.
var firstMails: [String: (event: String, at: Date)] = [:]
var mailRepeats = 0
for mail in try mails().sorted(by: { $0.at < $1.at }) {
    if firstMails["\(mail.event) \(mail.to)"] == nil {
        firstMails["\(mail.event) \(mail.to)"] = (mail.event, mail.at)
    } else {
        mailRepeats += 1
    }
}
let mailLatencies = firstMails.values.compactMap { mail in
    hooks[mail.event].flatMap { posted[$0.bookingId] }.map { mail.at.timeIntervalSince($0) }
}
let result = Result(
    bookingsPosted: count, bookingsConfirmed: posted.count, ratePerSecond: rate, killedHalfway: killHalfway,
    webhooksPendingAtKill: pendingAtKill,
    webhook: Latency(hookLatencies), email: Latency(mailLatencies), webhooksMissing: posted.count - hookLatencies.count,
    emailsMissing: 2 * posted.count - mailLatencies.count, webhookRepeats: await arrivals.repeats,
    emailRepeats: mailRepeats, serverExit: serverExit)
let encoder = JSONEncoder()
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
print(String(decoding: try encoder.encode(result), as: UTF8.self))
