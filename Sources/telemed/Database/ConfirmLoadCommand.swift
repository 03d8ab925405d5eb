import ArgumentParser
import Foundation
import TelemedCore
import TelemedStore

/// Drives a synthetic confirmation load for the multi-process and crash tests (hidden).
struct ConfirmLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm-load",
        abstract: "Propose and confirm colliding bookings of a synthetic load (for tests).",
        discussion: """
            With --setup, imports the load scenario into an empty database. Otherwise proposes and \
            confirms writer N's booking of every group and prints, once each transaction has returned, \
            `committed ID` or `conflict ID` on its own line.
            """,
        shouldDisplay: false
    )

    @OptionGroup var database: DatabaseOption

    @Option(help: "Collision groups (one slot each).")
    var groups = 60

    @Option(help: "Writers competing for each group.")
    var writers = 2

    @Option(help: "This process's writer index, 0 ..< writers.")
    var writer = 0

    @Flag(help: "Import the load scenario and exit.")
    var setup = false

    func run() throws {
        let load = ConfirmLoad(groups: groups, writers: writers)
        let store = try database.open()
        if setup {
            try StoreFailure.wrap { try store.importScenario(load.scenario(), actor: "confirm-load") }
            return
        }
        guard (0..<writers).contains(writer) else { throw ValidationError("--writer must be in 0..<\(writers)") }
        try StoreFailure.wrap {
            try load.run(store: DatabaseBookingStore(store), writer: writer) { id, committed in
                // Unbuffered, so a line printed is a transaction committed even if the process dies next.
                FileHandle.standardOutput.write(Data("\(committed ? "committed" : "conflict") \(id)\n".utf8))
            }
        }
    }
}
