import ArgumentParser
import Foundation
import TelemedCalendar
import TelemedCore

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Write the iCalendar feeds of a plan: one per unit, specialist and site, plus index.json.",
        discussion: """
            Each unit gets its route (one event per stop), each specialist their sessions and each site \
            the sessions held there, as `unit-ID.ics`, `specialist-ID.ics` and `site-ID.ics` in the \
            output folder, with `index.json` listing kind, owner, file, event count and SHA-256. A plan \
            file carries no booking history, so every event's LAST-MODIFIED is the publication time \
            (`--now`) and a cancelled booking is shown as cancelled. Nothing is written when a feed \
            cannot be built.
            """
    )

    @Option(help: "The scenario JSON file the plan was made from.")
    var scenario: String

    @Option(help: "The plan JSON file, as written by `telemed solve`.")
    var plan: String

    @Option(help: "The folder to write the feeds to.")
    var out: String = "Calendars/feeds"

    @Flag(help: "Add one event per travel leg to unit route feeds.")
    var travelLegs = false

    @Option(help: "Publication instant (ISO 8601, e.g. 2027-03-20T12:00:00Z); default: now.")
    var now: String?

    func run() throws {
        let publishedAt = try publicationInstant()
        let document = try Input.scenario(scenario)
        let planDocument = try Input.plan(plan)
        let travel = try Input.travelModel(for: document, at: scenario)
        let feeds = try InputError.calendar(plan) { () throws(CalendarError) in
            let source = try FeedSource(
                scenario: document, plan: planDocument, travel: travel, publishedAt: publishedAt,
                options: FeedOptions(includeTravelLegs: travelLegs))
            return try FeedPublisher(source: source).feeds()
        }
        try FeedFolder(path: out).replace(with: feeds)
        let events = feeds.reduce(0) { $0 + $1.eventCount }
        let counts = FeedKind.allCases.map { kind in "\(feeds.filter { $0.kind == kind }.count) \(kind.rawValue)" }
        Output.note("\(out): \(feeds.count) feeds (\(counts.joined(separator: ", "))), \(events) events, index.json")
    }

    private func publicationInstant() throws -> Date {
        guard let now else { return Date() }
        guard let instant = ISO8601DateFormatter().date(from: now) else {
            throw ValidationError("--now must be an ISO 8601 instant such as 2027-03-20T12:00:00Z, not \(now)")
        }
        return instant
    }
}
