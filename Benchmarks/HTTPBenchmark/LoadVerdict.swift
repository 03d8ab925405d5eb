import BenchmarkSupport
import Foundation
import TelemedCore
import TelemedStore

/// What a run left in its database, read after the servers stopped.
enum LoadVerdict {
    /// Confirmed bookings at the load's site over its whole horizon.
    static func confirmed(in database: TelemedDatabase, _ load: BookableLoad) throws -> Int {
        let horizon = load.scenario().horizon
        let everything = UTCInterval(
            start: WallClock.paris.instant(on: horizon.start, at: .midnight),
            end: WallClock.paris.instant(on: horizon.end.adding(days: 1), at: .midnight))
        return try DatabaseBookingStore(database).bookings(atSite: BookableLoad.siteId, startingIn: everything)
            .filter { $0.status == .confirmed }.count
    }

    /// `telemed db check --db location`: whether it passed, and what it printed.
    static func check(_ telemed: URL, _ location: String) throws -> (passed: Bool, output: String) {
        let check = Process()
        check.executableURL = telemed
        check.arguments = ["db", "check", "--db", location]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = output
        try check.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        check.waitUntilExit()
        return (check.terminationStatus == 0, text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
