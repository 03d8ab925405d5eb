import ArgumentParser
import TelemedCore
import TelemedStore

struct DatabaseExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the stored scenario, with its bookings as they are now, as a scenario file.",
        discussion: """
            Import then export gives back an equal scenario; bookings made since carry their status and \
            version. The file is written as telemed writes every scenario: sorted keys, UTC instants.
            """
    )

    @Option(help: "The scenario file to write, or - for standard output.")
    var out: String

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let store = try database.openExisting()
        let scenario = try StoreFailure.wrap { try store.exportScenario() }
        try Output.write(try ScenarioCoder.encode(scenario), to: out)
        if out != "-" {
            Output.note("\(out): \(scenario.requests.count) requests, \(scenario.bookings.count) bookings")
        }
    }
}
