import ArgumentParser
import Foundation
import TelemedCalendar
import TelemedCore
import TelemedStore

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Write the iCalendar feeds: one per unit, specialist and site, plus index.json.",
        discussion: """
            Each unit gets its route (one event per stop), each specialist their sessions and each site \
            the sessions held there, as `unit-ID.ics`, `specialist-ID.ics` and `site-ID.ics` in the \
            output folder, with `index.json` listing kind, owner, file, event count and SHA-256.

            From a database (--db), feeds show the bookings and unit routes as they are now: each \
            event's SEQUENCE is its booking's version and LAST-MODIFIED its last change in the audit \
            log; a cancelled booking stays, cancelled, for 30 days after its cancellation. From a plan \
            file (--scenario and --plan), which carries no history, LAST-MODIFIED is the publication \
            time (--now). Nothing is written when a feed cannot be built.
            """
    )

    @Option(name: .customLong("db"), help: "The SQLite database to publish from (instead of --scenario, --plan).")
    var database: String?

    @Option(help: "The scenario JSON file the plan was made from.")
    var scenario: String?

    @Option(help: "The plan JSON file, as written by `telemed solve`.")
    var plan: String?

    @Option(help: "The folder to write the feeds to.")
    var out: String = "Calendars/feeds"

    @Flag(help: "Add one event per travel leg to unit route feeds.")
    var travelLegs = false

    @Option(help: "Publication instant (ISO 8601, e.g. 2027-03-20T12:00:00Z); default: now.")
    var now: String?

    @OptionGroup var alarm: FeedAlarmOption

    func validate() throws {
        switch (database, scenario, plan) {
        case (.some, nil, nil), (nil, .some, .some): return
        default: throw ValidationError("Give either --db PATH, or both --scenario FILE and --plan FILE.")
        }
    }

    func run() throws {
        let publishedAt = try publicationInstant()
        let alarms = try alarm.alarms()
        let (scenario, plan, travel, changes, context) = try inputs()
        let feeds = try InputError.calendar(context) { () throws(CalendarError) in
            let source = try FeedSource(
                scenario: scenario, plan: plan, travel: travel, changes: changes, publishedAt: publishedAt,
                options: FeedOptions(includeTravelLegs: travelLegs, alarms: alarms))
            return try FeedPublisher(source: source).feeds()
        }
        try FeedFolder(path: out).replace(with: feeds)
        let events = feeds.reduce(0) { $0 + $1.eventCount }
        let counts = FeedKind.allCases.map { kind in "\(feeds.filter { $0.kind == kind }.count) \(kind.rawValue)" }
        Output.note("\(out): \(feeds.count) feeds (\(counts.joined(separator: ", "))), \(events) events, index.json")
    }

    /// What feeds are drawn from, and the file named in messages about it.
    private func inputs() throws -> (Scenario, Plan, any TravelModel, [Booking.ID: BookingChange], String) {
        if let database {
            // The past month too, as the server's feeds show it.
            let schedule = try StoreFailure.wrap {
                try DatabaseOption.openExisting(at: database).schedule(pastDays: 30)
            }
            let (scenario, plan) = schedule.withPast
            return (scenario, plan, schedule.travel, schedule.changes, database)
        }
        guard let scenario, let plan else { preconditionFailure("validate() admits --db or --scenario with --plan") }
        let document = try Input.scenario(scenario)
        return (document, try Input.plan(plan), try Input.travelModel(for: document, at: scenario), [:], plan)
    }

    private func publicationInstant() throws -> Date {
        guard let now else { return ServiceClock.system.now() }
        do {
            return try ServiceClock.instant(now)
        } catch {
            throw ValidationError("--now: \(error.description)")
        }
    }
}
