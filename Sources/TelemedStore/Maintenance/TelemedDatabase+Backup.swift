import Foundation
import GRDB

extension TelemedDatabase {
    /// Copies the database to `path` with SQLite's online backup API, page by page from one read
    /// snapshot, while other connections and processes keep writing. The copy is a complete
    /// database (WAL mode, same schema) that `openFile(at:)` opens.
    ///
    /// ```swift
    /// try database.backup(to: "/var/backups/telemed-2027-01-04.sqlite")
    /// ```
    ///
    /// On PostgreSQL throws ``StoreError/backupOnPostgres(_:)`` before writing anything.
    public func backup(to path: String) throws {
        let source = try writer
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let destination = try DatabaseQueue(path: url.path, configuration: Self.makeConfiguration())
        try source.backup(to: destination)
        try destination.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try destination.close()
    }
}
