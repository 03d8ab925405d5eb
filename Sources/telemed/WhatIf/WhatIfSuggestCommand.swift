import ArgumentParser
import Foundation
import TelemedCore
import TelemedReports
import TelemedSolver

/// `telemed whatif suggest`: where would one more town point, or one more unit, help most?
struct WhatIfSuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Rank communes for a new town point or unit depot by the gain the solver measures.",
        discussion: """
            The base scenario is solved once; candidate communes are those with requests left out or \
            served late nearby in that plan (within --radius minutes' drive of their town hall), far \
            enough from the existing points of the kind (--spacing km) and from one another, most \
            unmet demand first, at most --candidates of them. Town points go to communes of 200 to \
            3,000 inhabitants (the demo's rule) with the region's typical hours and equipment, and ask \
            for the demand the region's profile gives a town point; a depot is one more unit, like the \
            region's typical unit, based in a town of 5,000 inhabitants or more.

            Each candidate is solved alone with the same seed and limits, as many at once as there \
            are cores, and ranked: more requests served within their delay first, then the shorter \
            mean wait, then fewer unit kilometres. DIR receives ranking.csv, ranking.json and \
            ranking.html (every candidate; the page in French with a map), study.json (the --count best as a what-if study: telemed whatif DIR/study.json \
            with the same --seed and --iterations finds the same figures) and report.html (the \
            what-if report of the base and the --count best, in French).

            Example: telemed whatif suggest --scenario Scenarios/bfc-demo.json --add depot --count 5 --time-limit 20 --out out/depots
            """
    )

    @Option(help: "The base scenario JSON file.")
    var scenario: String

    @Option(help: "What to add: townPoint (a consultation room in a commune) or depot (one more unit based there).")
    var add: SitingKind

    @Option(help: "How many of the best suggestions the study and the report keep.")
    var count: Int = 5

    @Option(help: "At most this many candidate communes are solved.")
    var candidates: Int = 20

    @OptionGroup var budget: SearchBudgetOptions

    @Option(
        parsing: .unconditional,
        help: "Unmet demand counts within this many minutes' drive (default: 30 for a town point, 60 for a depot).")
    var radius: Double?

    @Option(
        parsing: .unconditional,
        help: "Minimum kilometres from existing points of the kind and between candidates (default: 10, or 30).")
    var spacing: Double?

    @Option(help: "Folder for ranking.csv, ranking.json, ranking.html, study.json and report.html.")
    var out: String = "suggest"

    func validate() throws {
        guard count >= 1 else { throw ValidationError("--count must be at least 1 (got \(count))") }
        guard candidates >= 1 else { throw ValidationError("--candidates must be at least 1 (got \(candidates))") }
        if let radius, !(radius > 0 && radius.isFinite) {
            throw ValidationError("--radius must be a positive number of minutes, not \(radius)")
        }
        if let spacing, !(spacing >= 0 && spacing.isFinite) {
            throw ValidationError("--spacing must be a number of kilometres, 0 or more, not \(spacing)")
        }
    }

    func run() throws {
        let base = try Input.scenario(scenario)
        if case .matrix(let file, _) = base.travel {
            throw InputError(
                "\(scenario): travel comes from the matrix \(file), which has no legs for communes it does not "
                    + "list: run the search on a copy of the scenario with \"travel\": {\"model\": \"greatCircle\"}")
        }
        let travel = try Input.travelModel(for: base, at: scenario)
        let catalog = try Input.communes(for: base, at: scenario)
        var criteria = SitingCriteria.defaults(for: add, maximumCandidates: candidates)
        if let radius { criteria.radiusMinutes = radius }
        if let spacing { criteria.spacingKilometres = spacing }
        Output.note("solving the base (\(budget.perSearch))…")
        let search = SitingSearch(
            base: base, catalog: catalog, travel: travel, criteria: criteria, options: budget.solverOptions)
        let result: SitingSearch.Result
        do {
            result = try search.run { progress in
                switch progress {
                case .baseSolved: break
                case .candidatesChosen(let chosen):
                    Output.note(
                        "\(chosen.count) candidate communes, each solved alone (\(budget.perSearch) each, "
                            + "\(ProcessInfo.processInfo.activeProcessorCount) at a time)…")
                case .candidateSolved(let done, let total): Output.note("  \(done)/\(total) solved")
                }
            }
        } catch {
            throw InputError("\(scenario): \(error.description)")
        }
        try write(result, criteria: criteria, catalog: catalog, travel: travel)
    }

    private func write(
        _ result: SitingSearch.Result, criteria: SitingCriteria, catalog: CommuneCatalog, travel: any TravelModel
    ) throws {
        let folder = URL(fileURLWithPath: out).standardized
        let basePath = URL(fileURLWithPath: scenario).standardized
        let study = SitingStudy.make(
            suggestions: result.suggestions, count: count, criteria: criteria,
            base: RelativePath.from(folder: folder, to: basePath))
        // The best as the study describes them (with their rank and gain).
        let best = study.variants.compactMap { variant in
            result.solved[variant.name].map { solved in
                var described = solved
                described.variant = variant
                return described
            }
        }
        let outcomes = WhatIfRunner.describe([result.base] + best, catalog: catalog, travelModel: travel)
        let run = budget.frenchDescription(per: "calcul")
        let document = SitingRankingDocument(
            scenario: result.base.scenario.name, criteria: criteria, seed: budget.seed,
            iterations: budget.iterations, timeLimitSeconds: budget.timeLimit, count: count, base: result.baseFigures,
            baseIterations: result.base.iterations, candidates: result.suggestions)
        try Output.write(
            Data(SitingRankingCSV.render(result.suggestions).utf8),
            to: folder.appendingPathComponent("ranking.csv").path)
        try Output.write(ScenarioCoder.encode(document), to: folder.appendingPathComponent("ranking.json").path)
        try Output.write(ScenarioCoder.encode(study), to: folder.appendingPathComponent("study.json").path)
        try Output.write(
            Data(WhatIfReportPage(study: study, outcomes: outcomes, runDescription: run).render().utf8),
            to: folder.appendingPathComponent("report.html").path)
        try Output.write(
            Data(SitingRankingPage(ranking: document, base: result.base.scenario, runDescription: run).render().utf8),
            to: folder.appendingPathComponent("ranking.html").path)
        print(Self.table(result.suggestions, count: count).render())
        Output.note(
            "\nranking, study and report written to \(folder.path); re-run the best as a what-if with "
                + "telemed whatif \(folder.appendingPathComponent("study.json").path) --seed \(budget.seed)"
                + (budget.iterations.map { " --iterations \($0)" } ?? ""))
    }

    static func table(_ suggestions: [SitingSuggestion], count: Int) -> TextTable {
        var table = TextTable(
            [
                "rank", "commune", "dept", "population", "unmet nearby", "within delay", "gain", "mean wait Δ d",
                "km Δ",
            ], leftAligned: [1])
        for suggestion in suggestions {
            let (commune, gain) = (suggestion.candidate.commune, suggestion.gain)
            table.add([
                "\(suggestion.rank)\(suggestion.rank <= count ? " *" : "")", commune.name, commune.departmentCode,
                "\(commune.population)", "\(suggestion.candidate.unmetNearby)",
                "\(suggestion.figures.servedWithinDelay)", signed(Double(gain.servedWithinDelay), places: 0),
                gain.meanWaitDays.map { signed($0, places: 2) } ?? "-", signed(gain.unitKilometres, places: 0),
            ])
        }
        return table
    }

    private static func signed(_ value: Double, places: Int) -> String {
        let (text, zero) = (LocalFormat.decimal(value, places: places), LocalFormat.decimal(0, places: places))
        // A rounded −0 reads as no change.
        if text == zero || text == "-" + zero { return zero }
        return value > 0 ? "+" + text : text
    }
}

extension SitingKind: ExpressibleByArgument {}
