import ArgumentParser
import Foundation
import TelemedStore

struct DatabaseCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy a SQLite database, whole, into a new PostgreSQL database.",
        discussion: """
            Moves a region that outgrew one server onto PostgreSQL: every table (scenario, bookings, \
            routes, tokens, feed secrets, audit log, outbox…) is copied in one transaction, ids and \
            history kept. The target must be empty (created with createdb; telemed migrates it). \
            Stop the server on the SQLite file first, then run `telemed db check --db ADDRESS`. \
            The keys kept next to the SQLite file (DB.feed-links.key, DB.webhooks.key) are stored in \
            the database, where every replica reads them: feed links already handed out and webhook \
            secrets keep working.
            """
    )

    @Option(help: ArgumentHelp("The SQLite database file to copy.", valueName: "path"))
    var from: String

    @Option(
        help: ArgumentHelp(
            "The empty database to fill: postgres://USER[:PASSWORD]@HOST[:PORT]/DB.", valueName: "address"))
    var to: String

    func run() throws {
        guard !PostgresLocation.isPostgresAddress(from) else {
            throw InputError("--from must be a SQLite database file; to copy PostgreSQL to PostgreSQL, use pg_dump.")
        }
        let source = try DatabaseOption.openExisting(at: from)
        let target = try StoreFailure.wrap { try TelemedDatabase.open(to, clock: .system) }
        let report = try StoreFailure.wrap { try source.copy(to: target) }
        for (suffix, name) in [(".feed-links.key", "feed-links"), (".webhooks.key", "webhooks")] {
            guard let key = FileManager.default.contents(atPath: from + suffix) else { continue }
            try StoreFailure.wrap { try target.setSharedKey(named: name, to: key) }
            print("Key \(from + suffix) stored in the database as \(name).")
        }
        for (table, rows) in report.rows.sorted(by: { $0.key < $1.key }) where rows > 0 {
            print("\(table): \(rows)")
        }
        print("Copied \(report.total) rows from \(from) to \(target.location).")
    }
}
