import Foundation
import Logging
import PostgresNIO

/// Tells this process when another replica committed a change: every insert into the audit log
/// (every change writes one) raises `NOTIFY telemed_changes` (``PostgresSchemaV19``), and this
/// listener, on a connection of its own, calls `onChange` for each notification. A lost connection
/// is reopened after a second; since notifications sent meanwhile are lost, `onChange` is also
/// called on every (re)connection, so caches read the generation again.
final class PostgresChangeListener: Sendable {
    static let channel = "telemed_changes"

    private let task: Task<Void, Never>

    init(pool: PostgresPool, logger: Logger, onChange: @escaping @Sendable () -> Void) {
        task = Task.detached {
            while !Task.isCancelled {
                do {
                    let connection = try await pool.connectDedicated()
                    do {
                        try await connection.listen(on: Self.channel) { notifications in
                            onChange()
                            for try await _ in notifications { onChange() }
                        }
                    } catch {
                        if !Task.isCancelled { logger.warning("Change listener lost", metadata: ["error": "\(error)"]) }
                    }
                    try? await connection.close()
                } catch {
                    if !Task.isCancelled {
                        logger.warning("Change listener cannot connect", metadata: ["error": "\(error)"])
                    }
                }
                onChange()
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    deinit { task.cancel() }
}
