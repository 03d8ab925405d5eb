import Foundation
import Synchronization

/// Reads a child's output until what the test waits for shows up, with a deadline: a child that
/// stays silent past it is killed (SIGKILL), which ends the blocking read, so no test waits
/// forever on a process that hung.
enum OutputWatch {
    struct Outcome {
        var text: String
        /// The deadline passed and the process was killed before `done` held.
        var timedOut: Bool
    }

    static func read(
        _ handle: FileHandle, of process: Process, within timeout: Duration, until done: (String) -> Bool
    ) -> Outcome {
        let killed = Atomic(false)
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem {
            guard process.isRunning else { return }
            killed.store(true, ordering: .sequentiallyConsistent)
            kill(pid, SIGKILL)
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout.timeInterval, execute: watchdog)
        defer { watchdog.cancel() }
        var text = ""
        while !done(text) {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        return Outcome(text: text, timedOut: killed.load(ordering: .sequentiallyConsistent))
    }
}

extension Duration {
    fileprivate var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
