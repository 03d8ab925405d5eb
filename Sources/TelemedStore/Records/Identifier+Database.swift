import GRDB
import TelemedCore

/// Ids are stored as their plain text, and can be passed as SQL arguments.
extension Identifier: DatabaseValueConvertible {}

/// Read straight from the statement's column, as `String` is, without boxing a `DatabaseValue`:
/// a confirmation decodes a few hundred ids, and the generic path was a quarter of its decoding.
extension Identifier: StatementColumnConvertible {
    public init(sqliteStatement: SQLiteStatement, index: CInt) {
        self.init(rawValue: String(sqliteStatement: sqliteStatement, index: index))
    }
}
