import Foundation
import TelemedCore
import TelemedTestSupport
import Testing

@testable import TelemedCalendar

/// Seeded mutations of the shipped calendars: each import ends in a `CalendarError` with a message,
/// or in busy times inside the horizon's window, never in a crash.
@Suite("Calendar import under seeded mutations")
struct CalendarFuzzTests {
    @Test(
        "mutated Google and Outlook calendars import or are refused clearly",
        arguments: [
            ("google-style.ics", UInt64(16)), ("outlook-style.ics", UInt64(17)),
        ])
    func mutatedCalendars(file: String, seed: UInt64) throws {
        let text = try AvailabilityImportTests.calendar(file)
        var (imported, refused) = (0, 0)
        for (index, variant) in SeededMutations(of: text, seed: seed, count: 300).enumerated() {
            do {
                let busy = try AvailabilityImportTests.busy(variant)
                imported += 1
                let window = AvailabilityImportTests.window
                #expect(
                    busy.allSatisfy { $0.start < $0.end && $0.start >= window.start && $0.end <= window.end },
                    "variant \(index) of seed \(seed)")
            } catch {
                refused += 1
                #expect(!error.description.isEmpty, "variant \(index) of seed \(seed)")
            }
        }
        #expect(imported > 0 && refused > 0, "the mutations exercised both outcomes")
    }
}
