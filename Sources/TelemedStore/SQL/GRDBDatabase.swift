import Foundation
import GRDB

/// ``SQLDatabase`` on a GRDB writer: SQLite serialises writes, one at a time per file, so a write
/// transaction never needs to run twice.
struct GRDBDatabase: SQLDatabase {
    let writer: any DatabaseWriter

    var dialect: SQLDialect { .sqlite }

    func read<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try writer.read { db in try body(GRDBConnection(db: db)) }
    }

    func readStatement<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try writer.unsafeRead { db in try body(GRDBConnection(db: db)) }
    }

    func write<T>(_ body: (any SQLConnection) throws -> T) throws -> T {
        try writer.write { db in try body(GRDBConnection(db: db)) }
    }

    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLConnection) throws -> T) async throws -> T {
        try await writer.write { db in try body(GRDBConnection(db: db)) }
    }
}
