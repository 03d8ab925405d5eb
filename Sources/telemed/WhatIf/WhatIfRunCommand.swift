import ArgumentParser
import Foundation
import TelemedCore
import TelemedReports
import TelemedSolver

/// `telemed whatif FILE` (or `telemed whatif run FILE`): the default of `telemed whatif`.
struct WhatIfRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Solve the variants of a what-if study side by side and write the territorial report.",
        discussion: """
            A what-if file names a base scenario and variants, each a list of changes (add or remove a \
            unit or a specialist, move a depot, change a specialist's hours, scale demand, close, add or \
            remove a site, change urgency delays or weights); see Scenarios/whatif/ and \
            docs/scenario-format.md. A study may name an agency's zones file ("zones"), whose zones \
            join the base's. Every variant and the \
            unchanged base ("référence") are solved, as many at once as there are cores, with the same \
            seed. The terminal shows the KPIs side by side and what changed; DIR receives report.html \
            (French, self-contained, printable), kpis.json and territories.csv, and with --pdf \
            report.pdf printed by headless Chromium. Populations and names \
            come from the shipped communes of the regions the base scenario's sites lie in.

            Example: telemed whatif Scenarios/whatif/second-unit-saone-et-loire.json --time-limit 10 --out out/whatif
            """
    )

    @Argument(help: "The what-if study JSON file.")
    var file: String

    @OptionGroup var budget: SearchBudgetOptions

    @Option(help: "Folder for report.html, kpis.json and territories.csv.")
    var out: String = "whatif"

    @Flag(help: "Also write report.pdf, printed by headless Chromium (which must be installed).")
    var pdf = false

    func run() throws {
        // Refused before the solving, not after minutes of it.
        let printer = pdf ? try ChromiumPDF.located() : nil
        let url = URL(fileURLWithPath: file)
        let study: WhatIfStudy
        do {
            study = try WhatIfStudy.load(contentsOf: url)
        } catch {
            throw InputError("\(file): \(error.description)")
        }
        let basePath = study.baseURL(relativeTo: url).path
        var base = try Input.scenario(basePath)
        if let zones = study.zonesURL(relativeTo: url) {
            base.zones = Zone.replacing(base.zones, with: try Input.zones(zones.path))
        }
        let travel = try Input.travelModel(for: base, at: basePath)
        let variants: [(variant: WhatIfVariant, scenario: Scenario)]
        do {
            variants = try study.scenarios(base: base)
        } catch {
            throw InputError("\(file):\n\(error.description)")
        }
        let catalog = try Input.communes(for: base, at: basePath)
        Output.note(
            "solving \(variants.count) variants (\(study.variants.count) and the base), "
                + "\(budget.perSearch) each"
                + ", \(ProcessInfo.processInfo.activeProcessorCount) at a time…")
        let options = budget.solverOptions
        let outcomes: [WhatIfOutcome]
        do {
            outcomes = try WhatIfRunner.run(variants, options: options, catalog: catalog, travelModel: travel)
        } catch {
            throw InputError("\(file): \(error.description)")
        }

        let folder = URL(fileURLWithPath: out)
        let run = budget.frenchDescription(per: "variante")
        try Output.write(
            Data(WhatIfReportPage(study: study, outcomes: outcomes, runDescription: run).render().utf8),
            to: folder.appendingPathComponent("report.html").path)
        try Output.write(
            ScenarioCoder.encode(WhatIfKPIsDocument(study: study, outcomes: outcomes, seed: budget.seed)),
            to: folder.appendingPathComponent("kpis.json").path)
        try Output.write(
            Data(TerritoriesCSV.render(outcomes).utf8), to: folder.appendingPathComponent("territories.csv").path)

        print(Self.table(outcomes).render())
        for outcome in outcomes.dropFirst() {
            print("")
            for sentence in WhatIfSummary(variant: outcome, base: outcomes[0]).sentences { print(sentence) }
        }
        let report = folder.appendingPathComponent("report.html")
        if let printer {
            try printer.print(report, to: folder.appendingPathComponent("report.pdf"))
            Output.note("\nreport written to \(report.path) and report.pdf beside it")
        } else {
            Output.note("\nreport written to \(report.path)")
        }
    }

    static func table(_ outcomes: [WhatIfOutcome]) -> TextTable {
        var table = TextTable(["KPI"] + outcomes.map(\.variant.name))
        func row(_ label: String, _ value: (WhatIfOutcome) -> String) { table.add([label] + outcomes.map(value)) }
        row("requests") { "\($0.kpis.requests)" }
        row("served") { "\($0.kpis.served)" }
        row("served %") { LocalFormat.decimal($0.kpis.servedPercent ?? 0, places: 1) }
        for urgency in Urgency.allCases {
            row("\(urgency.rawValue) served %") { outcome in
                LocalFormat.decimal(
                    outcome.kpis.byUrgency.first { $0.urgency == urgency }?.servedPercent ?? 0, places: 1)
            }
            row("\(urgency.rawValue) median wait d") { outcome in
                (outcome.kpis.byUrgency.first { $0.urgency == urgency }?.waitMedianDays).map {
                    LocalFormat.decimal($0, places: 1)
                } ?? "-"
            }
        }
        row("late") { "\($0.kpis.late)" }
        row("served within delay") { "\($0.kpis.served - $0.kpis.late)" }
        row("unit km") { LocalFormat.decimal($0.kpis.unitKilometres, places: 0) }
        row("unit driving h") { LocalFormat.decimal($0.kpis.unitDrivingHours, places: 1) }
        row("iterations") { "\($0.iterations)" }
        return table
    }
}
