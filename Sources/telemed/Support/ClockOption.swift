import ArgumentParser
import Foundation
import TelemedCore

/// `--now INSTANT`: the service's clock starts there and runs from it (demos, training, tests);
/// without it, the system clock. Every command that reads "now" takes it from here.
struct ClockOption: ParsableArguments {
    @Option(
        name: .customLong("now"),
        help: ArgumentHelp(
            "Start the clock at this instant, ISO 8601 with its offset (2028-03-06T08:00:00+01:00); default: the system clock.",
            valueName: "instant"))
    var instant: String?

    func validate() throws {
        if let instant { _ = try Self.parse(instant) }
    }

    /// The clock this command runs on.
    func clock() throws -> ServiceClock {
        guard let instant else { return .system }
        return .starting(at: try Self.parse(instant))
    }

    private static func parse(_ text: String) throws -> Date {
        do {
            return try ServiceClock.instant(text)
        } catch {
            throw ValidationError("--now: \(error.description)")
        }
    }
}
