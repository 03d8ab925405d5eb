import ArgumentParser
import Foundation
import TelemedCore
import TelemedStore

struct ZonesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "zones",
        abstract: "Import and list the zones of a scenario or a database (priority-intervention zones, QPV…).",
        discussion: """
            A zone is a named set of whole communes with a kind (ZIP, ZAC, QPV, custom…). Reports give \
            access figures per zone; a QPV (a neighbourhood) is represented by its commune, so its \
            population figures are the commune's.
            """,
        subcommands: [ZonesImportCommand.self, ZonesListCommand.self]
    )
}

/// Where zones are read from or written to: a scenario file or a database, one of the two.
struct ZonesTarget: ParsableArguments {
    @Option(help: "The scenario file whose zones to change or list.")
    var scenario: String?

    @Option(name: .customLong("db"), help: "The SQLite database whose zones to change or list.")
    var database: String?

    func validate() throws {
        guard (scenario == nil) != (database == nil) else {
            throw ValidationError("Give either --scenario FILE or --db PATH.")
        }
    }
}

struct ZonesImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add the zones of a CSV file (insee_code,zone,kind) to a scenario or a database.",
        discussion: """
            The header is insee_code,zone,kind; `;` also separates and a UTF-8 byte-order mark is \
            accepted. A zone of the file replaces a zone of the same name; other zones stay. Every \
            unknown or malformed code is reported with its line, and then nothing is imported.

            Example: telemed zones import zip-2027.csv --scenario Scenarios/bfc-demo.json --out bfc-zones.json
            """)

    @Argument(help: "The CSV file the agency publishes.")
    var file: String

    @OptionGroup var target: ZonesTarget

    @Option(help: "With --scenario: write the scenario with its zones here (default: in place).")
    var out: String?

    func validate() throws {
        if out != nil && target.scenario == nil { throw ValidationError("--out goes with --scenario.") }
    }

    func run() throws {
        let zones = try Input.zones(file)
        let communes = zones.reduce(0) { $0 + $1.communes.count }
        if let path = target.scenario {
            var scenario = try Input.scenario(path)
            let names = Set(scenario.zones.map(\.name))
            scenario.zones = Zone.replacing(scenario.zones, with: zones)
            let issues = ScenarioValidator().validate(zones: scenario.zones)
            guard issues.isEmpty else {
                throw InputError(
                    "The zones would not be valid, nothing was written:\n"
                        + issues.map(\.description).joined(separator: "\n"))
            }
            let destination = out ?? path
            try Output.write(try ScenarioCoder.encode(scenario), to: destination)
            let replaced = zones.filter { names.contains($0.name) }.count
            Output.note(
                "\(destination): \(zones.count - replaced) zones added, \(replaced) replaced (\(communes) communes); "
                    + "\(scenario.zones.count) zones in all.")
        } else if let path = target.database {
            let database = try DatabaseOption.openExisting(at: path)
            let (added, replaced) = try StoreFailure.wrap { try database.importZones(zones, actor: "cli") }
            Output.note("\(path): \(added) zones added, \(replaced) replaced (\(communes) communes).")
        }
    }
}

struct ZonesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the zones: name, kind and number of communes.")

    @OptionGroup var target: ZonesTarget

    func run() throws {
        let zones: [Zone]
        if let path = target.scenario {
            zones = try Input.scenario(path).zones
        } else {
            zones = try StoreFailure.wrap { try DatabaseOption.openExisting(at: target.database ?? "").zones() }
        }
        if zones.isEmpty { Output.note("No zones.") }
        for zone in zones {
            print("\(zone.kind.rawValue)\t\(zone.name)\t\(zone.communes.count) communes")
        }
    }
}

/// The INSEE codes of the communes telemed ships: what a zones file may name.
enum ShippedCommunes {
    static func codes() throws -> Set<String> {
        do {
            return Set(try CommuneDirectory.shipped().communes.map(\.inseeCode))
        } catch {
            throw InputError("the shipped communes cannot be read: \(error)")
        }
    }
}
