import Foundation
import GRDB
import Synchronization

/// A cheap answer to "has the schedule changed?" for caches that are read far more often than the
/// store is written (feeds, the proposal engine).
///
/// ``TelemedDatabase/changeGeneration()`` is exact but costs a read. This watch counts the commits
/// that append to the audit log through this process's connection (every change does), so a
/// change made here is seen at once without reading; a change made by another process (a
/// `telemed` command on the same file) is seen within `tolerance`, when the generation is read again.
/// On PostgreSQL every write of this process and every notification of another replica's change
/// (``PostgresChangeListener``) counts through ``noteChange()``, so other replicas' bookings are
/// seen as soon as their notification arrives.
final class ChangeWatch: TransactionObserver, Sendable {
    private struct State {
        var localCommits = 0
        var pendingAudit = false
        var known: (generation: Int64, localCommits: Int, readAt: ContinuousClock.Instant)?
    }

    private let state = Mutex(State())

    /// The generation as last read, or as read now when this process committed a change since, or
    /// when the last read is older than `tolerance`.
    func generation(tolerance: Duration, read: () throws -> Int64) throws -> Int64 {
        let now = ContinuousClock.now
        let (fresh, commits) = state.withLock { state -> (Int64?, Int) in
            guard let known = state.known, known.localCommits == state.localCommits, now - known.readAt < tolerance
            else { return (nil, state.localCommits) }
            return (known.generation, state.localCommits)
        }
        if let fresh { return fresh }
        // Commits counted before reading: one that lands during the read makes the next call read again.
        let generation = try read()
        state.withLock { $0.known = (generation, commits, now) }
        return generation
    }

    /// A change this process did not see through SQLite's observer: the next read is fresh.
    func noteChange() {
        state.withLock { $0.localCommits += 1 }
    }

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool {
        if case .insert(let table) = eventKind { return table == "auditLog" }
        return false
    }

    func databaseDidChange(with event: DatabaseEvent) {
        state.withLock { $0.pendingAudit = true }
    }

    func databaseDidCommit(_ db: Database) {
        state.withLock { state in
            if state.pendingAudit { state.localCommits += 1 }
            state.pendingAudit = false
        }
    }

    func databaseDidRollback(_ db: Database) {
        state.withLock { $0.pendingAudit = false }
    }
}
