import ArgumentParser
import TelemedCalendar

/// `--feed-alarm KIND=MINUTES`, repeatable (`--feed-alarm site=60 --feed-alarm unit=30`): the
/// `VALARM` that confirmed sessions carry in feeds of that kind, for calendar clients that honour
/// alarms. `serve` and `publish` share it.
struct FeedAlarmOption: ParsableArguments {
    @Option(
        name: .customLong("feed-alarm"),
        help: ArgumentHelp(
            "An alarm on confirmed sessions of one kind of feed: KIND=MINUTES before (site, specialist or unit).",
            discussion: "Repeat for several kinds. Tentative and cancelled events never carry one.",
            valueName: "kind=minutes"),
        transform: FeedAlarmOption.parse)
    var entries: [FeedAlarmEntry] = []

    /// Minutes per kind; a kind given twice is refused.
    func alarms() throws -> [FeedKind: Int] {
        var alarms: [FeedKind: Int] = [:]
        for entry in entries {
            guard alarms.updateValue(entry.minutes, forKey: entry.kind) == nil else {
                throw ValidationError("--feed-alarm names \(entry.kind.rawValue) twice; give each kind once.")
            }
        }
        return alarms
    }

    static func parse(_ text: String) throws -> FeedAlarmEntry {
        let parts = text.split(separator: "=", maxSplits: 1).map(String.init)
        let kinds = FeedKind.allCases.map(\.rawValue).joined(separator: ", ")
        guard parts.count == 2, let kind = FeedKind(rawValue: parts[0]) else {
            throw ValidationError("--feed-alarm takes KIND=MINUTES with KIND one of \(kinds), not \(text)")
        }
        guard let minutes = Int(parts[1]), FeedAlarm.allowedMinutes.contains(minutes) else {
            throw ValidationError(
                "--feed-alarm \(kind.rawValue)=\(parts[1]): give whole minutes from 1 to 10080 (a week).")
        }
        return FeedAlarmEntry(kind: kind, minutes: minutes)
    }
}

struct FeedAlarmEntry: Hashable, Sendable {
    var kind: FeedKind
    var minutes: Int
}
