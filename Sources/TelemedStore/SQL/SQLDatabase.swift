import Foundation

/// A database the store runs its transactions on: SQLite through GRDB (one file, one process's
/// writer) or PostgreSQL (shared by several replicas). Both give the store the same guarantee:
/// a `write` runs as if no other write ran at the same time.
protocol SQLDatabase: Sendable {
    var dialect: SQLDialect { get }

    /// Runs `body` on a consistent snapshot; nothing it sees changes while it runs.
    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T

    /// Runs `body`, which reads with one statement, without a transaction around it (a statement is
    /// atomic on its own): the hot lookups (a token, a proposal) save the `BEGIN` and `COMMIT`.
    func readStatement<T>(_ body: (any SQLConnection) throws -> T) throws -> T

    /// Runs `body` in one transaction, committed when it returns and rolled back when it throws.
    ///
    /// - important: PostgreSQL may run `body` more than once (a transaction that lost a race with
    ///   another is rolled back and run again), so `body` must not change anything outside the
    ///   database except through its result.
    @discardableResult
    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T

    /// ``write(_:)`` without blocking the caller's thread while it waits for the database (the
    /// server's group commit).
    @discardableResult
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T
}
