import ArgumentParser
import Foundation
import TelemedCore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Summarise a scenario: counts per kind and per department, demand by specialty and urgency.",
        discussion: """
            Also compares, per specialty, the minutes of consultation asked for with the minutes the \
            specialists practising it are available over the horizon. Use --json for a machine-readable copy.
            """
    )

    @Argument(help: "The scenario JSON file.")
    var file: String

    @Flag(help: "Print the statistics as JSON instead of tables.")
    var json = false

    func run() throws {
        let scenario = try Input.scenario(file)
        let stats = ScenarioStatistics(scenario)
        if json {
            try Output.write(ScenarioCoder.encode(stats), to: "-")
            return
        }
        print(Self.render(stats, scenario: scenario, departmentNames: Self.departmentNames()))
    }

    static func render(_ stats: ScenarioStatistics, scenario: Scenario, departmentNames: [String: String]) -> String {
        var lines = [
            scenario.name,
            "Horizon \(scenario.horizon.start) … \(scenario.horizon.end): \(stats.horizonDays) days, "
                + "\(stats.workingDays) working days"
                + (stats.publicHolidays.isEmpty
                    ? ""
                    : ", holidays: " + stats.publicHolidays.map { "\($0.date) \($0.name)" }.joined(separator: ", ")),
            "",
            "Sites: \(stats.ehpads) EHPADs (\(stats.beds) beds), \(stats.townPoints) town points",
            "Specialists: \(stats.specialists)   Itinerant units: \(stats.units)   Pinned bookings: \(stats.bookings)",
            "Requests: \(stats.requests) (urgent \(stats.requestsByUrgency.urgent), soon \(stats.requestsByUrgency.soon), "
                + "routine \(stats.requestsByUrgency.routine); live \(stats.liveRequests), async \(stats.asyncRequests); "
                + "\(stats.requestsWithPreferredSpecialist) with a preferred specialist)",
            "",
        ]
        var departments = TextTable("department", "EHPADs", "town points", "beds", "requests", "urgent", "unit depots")
        for figures in stats.byDepartment {
            let name = departmentNames[figures.code].map { "\(figures.code) \($0)" } ?? figures.code
            departments.add(
                [name]
                    + [
                        figures.ehpads, figures.townPoints, figures.beds, figures.requests, figures.urgentRequests,
                        figures.unitDepots,
                    ].map(String.init))
        }
        lines.append(departments.render())
        lines.append("")
        var specialties = TextTable(
            "specialty", "requests", "urgent", "soon", "routine", "live", "async", "specialists", "demand h",
            "available h")
        for figures in stats.bySpecialty {
            specialties.add(
                [figures.specialty.rawValue]
                    + [
                        figures.requests, figures.byUrgency.urgent, figures.byUrgency.soon, figures.byUrgency.routine,
                        figures.live, figures.async, figures.specialists, figures.demandMinutes / 60,
                        figures.availableMinutes / 60,
                    ].map(String.init))
        }
        lines.append(specialties.render())
        return lines.joined(separator: "\n")
    }

    /// Department names from the shipped data; none when it does not read.
    static func departmentNames() -> [String: String] {
        let departments = (try? CommuneCatalog.shippedDepartments()) ?? []
        return Dictionary(departments.map { ($0.code, $0.name) }, uniquingKeysWith: { first, _ in first })
    }
}
