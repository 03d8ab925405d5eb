import Foundation
import TelemedCore

/// Turns a specialist's own calendar into `unavailable` availability exceptions of a scenario.
///
/// ```swift
/// let exceptions = try AvailabilityImport.exceptions(fromCalendar: ics, horizon: scenario.horizon)
/// let updated = try AvailabilityImport.replacingImported(exceptions, ofSpecialist: "S-07", in: scenario)
/// ```
public enum AvailabilityImport {
    /// The note of every exception an import writes; a new import replaces exactly these.
    public static let note = "calendrier importé"

    /// The horizon in UTC: local midnight of its first day to local midnight after its last.
    public static func window(of horizon: Horizon) -> UTCInterval {
        UTCInterval(
            start: WallClock.paris.dayInterval(horizon.start).start, end: WallClock.paris.dayInterval(horizon.end).end)
    }

    /// The calendar's busy time inside the horizon as `unavailable` exceptions: merged, sorted, UTC.
    public static func exceptions(fromCalendar text: String, horizon: Horizon) throws(CalendarError)
        -> [AvailabilityException]
    {
        try BusyTimeReader.busyIntervals(in: text, within: window(of: horizon)).map {
            AvailabilityException(kind: .unavailable, start: $0.start, end: $0.end, note: note)
        }
    }

    /// `scenario` with the specialist's previously imported exceptions replaced by `imported`;
    /// exceptions from other sources stay as they are, first.
    public static func replacingImported(
        _ imported: [AvailabilityException], ofSpecialist id: Specialist.ID, in scenario: Scenario
    ) throws(CalendarError) -> Scenario {
        guard let position = scenario.specialists.firstIndex(where: { $0.id == id }) else {
            throw .unknownReference(kind: "specialist", id: id.rawValue)
        }
        var result = scenario
        result.specialists[position].exceptions = replacingImported(
            imported, in: scenario.specialists[position].exceptions)
        return result
    }

    /// `exceptions` with a previous import's replaced by `imported`; the others stay, first.
    public static func replacingImported(_ imported: [AvailabilityException], in exceptions: [AvailabilityException])
        -> [AvailabilityException]
    {
        exceptions.filter { $0.note != note } + imported
    }
}
