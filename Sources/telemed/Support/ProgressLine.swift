import Foundation
import TelemedSolver

/// The solver's progress as one line on a terminal's standard error, redrawn in place with `\r`
/// at most every `interval` (the solver may report thousands of times a second). Silent when
/// standard error is not a terminal, so logs and pipes stay clean.
final class ProgressLine: @unchecked Sendable {
    // The solver may report from any thread (a portfolio run), so `lastDrawn` and every write
    // to the terminal happen under `lock`.
    private let lock = NSLock()
    private var lastDrawn: ContinuousClock.Instant?
    private let interval: Duration
    let isEnabled: Bool

    init(enabled: Bool = isatty(STDERR_FILENO) != 0, interval: Duration = .milliseconds(250)) {
        self.isEnabled = enabled
        self.interval = interval
    }

    func report(_ progress: SolverProgress) {
        guard isEnabled else { return }
        let now = ContinuousClock.now
        lock.withLock {
            if let lastDrawn, now - lastDrawn < interval { return }
            lastDrawn = now
            Self.write("\r\u{1B}[K" + Self.text(progress))
        }
    }

    /// Shows `text` until the first report (building the first plan can take seconds).
    func begin(_ text: String) {
        guard isEnabled else { return }
        lock.withLock { Self.write("\r\u{1B}[K" + text) }
    }

    /// Clears the line, so what follows starts on a clean one.
    func finish() {
        guard isEnabled else { return }
        lock.withLock {
            Self.write("\r\u{1B}[K")
            lastDrawn = nil
        }
    }

    /// `3.2 s  1234 iterations  best: served 1180, soft 56.78`.
    static func text(_ progress: SolverProgress) -> String {
        "\(LocalFormat.seconds(progress.elapsed))  \(progress.iterations) iterations  best: served "
            + "\(progress.best.served), soft \(LocalFormat.decimal(progress.best.soft, places: 2))"
    }

    private static func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
