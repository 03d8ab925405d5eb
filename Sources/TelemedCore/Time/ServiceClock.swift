import Foundation
import Synchronization

/// The one source of "now" for the service: the server, the store, the pages, the feeds, the roll
/// and `telemed simulate` ask it, never `Date()`, so a test, a demo or a simulation decides what
/// time it is and the same code runs in 2026 and in 2035.
///
/// - ``system``: the machine's clock (production).
/// - ``starting(at:)``: starts at a chosen instant and runs at the machine's pace from there
///   (`telemed serve --now 2028-03-06T08:00:00+01:00`: demos, training, end-to-end tests).
/// - ``manual(_:)``: stands still until its ``ManualTime`` is moved (unit tests, the simulation,
///   which jumps instead of sleeping).
///
/// ```swift
/// let time = ManualTime(try ServiceClock.instant("2027-03-22T08:00:00+01:00"))
/// let clock = ServiceClock.manual(time)
/// clock.today()                       // 2027-03-22
/// time.advance(bySeconds: 86_400)
/// clock.today()                       // 2027-03-23
/// ```
public struct ServiceClock: Sendable {
    private enum Source: Sendable {
        case system
        /// Seconds added to the machine's clock.
        case shifted(TimeInterval)
        case manual(ManualTime)
    }

    private let source: Source

    /// The machine's clock. The only place the product reads it.
    public static let system = ServiceClock(source: .system)

    /// A clock that reads `instant` now and then runs at the machine's pace.
    public static func starting(at instant: Date) -> ServiceClock {
        ServiceClock(source: .shifted(instant.timeIntervalSince(Date())))
    }

    /// A clock that reads whatever `time` holds.
    public static func manual(_ time: ManualTime) -> ServiceClock {
        ServiceClock(source: .manual(time))
    }

    /// The current instant.
    public func now() -> Date {
        switch source {
        case .system: Date()
        case .shifted(let offset): Date().addingTimeInterval(offset)
        case .manual(let time): time.instant
        }
    }

    /// The current local date (Europe/Paris unless told otherwise).
    public func today(_ wallClock: WallClock = .paris) -> LocalDate {
        wallClock.localDate(of: now())
    }

    /// Whether this clock stands still between explicit moves (a waiting loop then polls often,
    /// since the move comes from another task, not from the passing of time).
    public var isManual: Bool {
        if case .manual = source { return true }
        return false
    }

    /// Waits until the clock reads `instant` or later, or the task is cancelled (then it throws
    /// `CancellationError`). A running clock is re-read at least every 30 s, so a machine that
    /// slept or a clock that was set does not oversleep; a manual clock every 10 ms.
    public func sleep(until instant: Date) async throws {
        while true {
            let remaining = instant.timeIntervalSince(now())
            if remaining <= 0 { return }
            let step = isManual ? 0.01 : min(remaining, 30)
            try await Task.sleep(for: .milliseconds(Int64((step * 1000).rounded(.up))))
        }
    }

    /// Reads an ISO 8601 instant with its offset (`2028-03-06T08:00:00+01:00`, `…Z`), the way
    /// `--now` and `--start` options give one.
    public static func instant(_ text: String) throws(ClockParseError) -> Date {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        if let date = formatter.date(from: text) { return date }
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = formatter.date(from: text) { return date }
        throw ClockParseError(text: text)
    }
}

/// An instant that could not be read as ISO 8601 with an offset.
public struct ClockParseError: Error, CustomStringConvertible, Sendable {
    public var text: String

    public var description: String {
        "\"\(text)\" is not an instant: write it as ISO 8601 with its offset, e.g. 2028-03-06T08:00:00+01:00"
    }
}

/// The instant a ``ServiceClock/manual(_:)`` clock reads; moved by whoever owns it (a test, the
/// simulation). Moving it backwards is refused: the service's "now" never goes back.
public final class ManualTime: Sendable {
    private let current: Mutex<Date>

    public init(_ instant: Date) {
        current = Mutex(instant)
    }

    public var instant: Date {
        current.withLock { $0 }
    }

    /// Moves the time forward by `seconds` (≥ 0).
    public func advance(bySeconds seconds: TimeInterval) {
        precondition(seconds >= 0, "the service's clock never goes back")
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Sets the time to `instant`, which must not be earlier than the current one.
    public func set(to instant: Date) {
        current.withLock {
            precondition(instant >= $0, "the service's clock never goes back")
            $0 = instant
        }
    }
}
