import ArgumentParser

/// `telemed bench`: yardsticks that measure the scheduler against published problems.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the scheduler on public benchmark instances.",
        subcommands: [VRPTWCommand.self]
    )
}
