import Logging
import Synchronization

/// A log handler that keeps every message with its metadata, for tests that check what the
/// server or the mail client logs (and what it must never log: addresses, content, credentials).
public final class LogRecorder: Sendable {
    public struct Entry: Sendable {
        public var level: Logger.Level
        public var message: String
        public var metadata: [String: String]

        /// The message and every metadata value, for "never logged" checks.
        public var text: String { ([message] + metadata.map { "\($0.key)=\($0.value)" }).joined(separator: " ") }
    }

    private let recorded = Mutex<[Entry]>([])

    public init() {}

    public var entries: [Entry] { recorded.withLock { $0 } }

    /// Everything logged, one line per message with its metadata.
    public var text: String { entries.map(\.text).joined(separator: "\n") }

    /// A logger at `trace` level whose lines this recorder keeps.
    public func logger(label: String = "test") -> Logger {
        Logger(label: label) { _ in Handler(recorder: self) }
    }

    fileprivate func append(_ entry: Entry) {
        recorded.withLock { $0.append(entry) }
    }

    private struct Handler: LogHandler {
        let recorder: LogRecorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(
            level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String,
            file: String, function: String, line: UInt
        ) {
            let merged = self.metadata.merging(explicit ?? [:]) { _, new in new }
            recorder.append(Entry(level: level, message: "\(message)", metadata: merged.mapValues { "\($0)" }))
        }
    }
}
