import ArgumentParser
import TelemedCore

/// `telemed`: the command-line front end. Each subcommand is a thin shell over the library
/// modules; no domain logic lives here.
@main
struct TelemedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "telemed",
        abstract: "Schedule telemedicine for nursing homes (EHPAD) and itinerant units in underserved territories.",
        discussion: """
            telemed plans remote specialists and itinerant telemedicine units across nursing homes and \
            town points: who, where, when, and each unit's daily route. Scenarios are JSON documents \
            (docs/scenario-format.md); the demo region is Scenarios/bfc-demo.json.
            """,
        version: TelemedCore.version,
        subcommands: [
            ScenarioCommand.self, SolveCommand.self, CheckCommand.self, ExplainCommand.self, WhatIfCommand.self,
            DatabaseCommand.self, PublishCommand.self, AvailabilityCommand.self, CalendarCommand.self,
            BenchCommand.self, ServeCommand.self, TokenCommand.self, SimulateCommand.self, ReportCommand.self,
            WebhookCommand.self, ZonesCommand.self,
        ]
    )
}
