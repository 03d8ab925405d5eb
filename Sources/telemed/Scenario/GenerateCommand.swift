import ArgumentParser
import Foundation
import TelemedCore

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a synthetic demo region in real communes.",
        discussion: """
            Places synthetic EHPADs and town points in the region's real communes (more where more \
            people live, town points in small remote communes), specialists with weekly availability, \
            itinerant units with depots in real towns, and demand per site. The same options give the \
            same file, byte for byte. Everything but the communes is invented and labelled so in the \
            scenario's provenance.

            Any of the 13 metropolitan regions: Bourgogne-Franche-Comté (27) has a hand-made profile; \
            the others' counts are derived from their communes (docs/scenario-format.md, "The demo \
            region"). `--region all` is metropolitan France (about 7,500 EHPADs, a unit per \
            department); `--departments 21,58,71` any set of departments, across regions. Overseas \
            regions are refused: their clocks are not Europe/Paris, in which telemed plans.

            Examples:
              telemed scenario generate --region 27 --seed 1 --start 2027-01-04 --weeks 4 --out Scenarios/bfc-demo.json
              telemed scenario generate --region 11 --seed 1 --start 2027-01-04 --weeks 2 --out Scenarios/idf-demo.json
              telemed scenario generate --region 27 --seed 1 --start 2027-01-04 --weeks 6 --programmes \
                --out Scenarios/campaigns-demo.json
              telemed scenario generate --region all --seed 1 --start 2027-03-01 --weeks 4 --out france.json
              telemed scenario generate --departments 21,58,71 --seed 1 --start 2027-03-01 --weeks 4 --out bourgogne.json
            """
    )

    @Option(
        help: """
            INSEE code of a metropolitan region: 11 Île-de-France, 24 Centre-Val de Loire, 27 \
            Bourgogne-Franche-Comté, 28 Normandie, 32 Hauts-de-France, 44 Grand Est, 52 Pays de la \
            Loire, 53 Bretagne, 75 Nouvelle-Aquitaine, 76 Occitanie, 84 Auvergne-Rhône-Alpes, 93 \
            Provence-Alpes-Côte d'Azur, 94 Corse; `all` for metropolitan France. Default: 27.
            """)
    var region: String?

    @Option(
        help: ArgumentHelp(
            "INSEE department codes, comma-separated (21,58,71), instead of a region.",
            discussion: "Any metropolitan departments, across regions; the counts are derived from their communes."))
    var departments: String?

    @Option(help: "Seed of the random draws; the same seed gives the same scenario.")
    var seed: UInt64 = 1

    @Option(help: "First day of the horizon, YYYY-MM-DD (local date, Europe/Paris).", transform: parseDate)
    var start: LocalDate

    @Option(help: "Length of the horizon in weeks (1–52).")
    var weeks: Int = 4

    @Option(help: "Where to write the scenario JSON; '-' writes to standard output.")
    var out: String

    @Flag(
        help: ArgumentHelp(
            "Add the programmes' work: a screening campaign, care series, a fortnightly and a monthly circuit.",
            discussion: "Needs at least three weeks and a unit with a retinal camera for the campaign."))
    var programmes = false

    func validate() throws {
        if departments != nil && region != nil {
            throw ValidationError("give --region or --departments, not both")
        }
    }

    func run() throws {
        let catalog: CommuneCatalog
        if let departments {
            let codes = departments.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            do {
                catalog = try CommuneDirectory.shipped().catalog(departments: codes)
            } catch {
                throw InputError("--departments \(departments): \(error.description)")
            }
        } else {
            let region = region ?? "27"
            do {
                catalog =
                    region == CommuneDirectory.wholeCountry
                    ? try CommuneDirectory.shipped().metropolitanCatalog() : try CommuneCatalog.shipped(region: region)
            } catch {
                throw InputError("--region \(region): \(error.description)")
            }
        }
        let generator = try DemoRegionGenerator(
            catalog: catalog, profile: RegionProfile.profile(for: catalog),
            options: .init(seed: seed, start: start, weeks: weeks))
        var scenario = generator.generate()
        if programmes {
            scenario = ProgrammeDemo.adding(to: scenario)
            scenario.provenance =
                (scenario.provenance ?? "")
                + " With --programmes: a screening campaign, care series and circuits are added (ProgrammeDemo)."
        }
        let data = try ScenarioCoder.encode(scenario)
        try Output.write(data, to: out)
        if out != "-" {
            let stats = ScenarioStatistics(scenario)
            Output.note(
                "wrote \(out): \(stats.ehpads) EHPADs, \(stats.townPoints) town points, \(stats.specialists) specialists, "
                    + "\(stats.units) units, \(stats.requests) requests over \(stats.horizonDays) days")
        }
    }
}

func parseDate(_ text: String) throws -> LocalDate {
    do {
        return try LocalDate(text)
    } catch {
        throw ValidationError(error.message)
    }
}

func parseTime(_ text: String) throws -> LocalTime {
    do {
        return try LocalTime(text)
    } catch {
        throw ValidationError(error.message)
    }
}
