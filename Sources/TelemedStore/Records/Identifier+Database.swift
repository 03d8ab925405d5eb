import GRDB
import TelemedCore

/// Ids are stored as their plain text, and can be passed as SQL arguments.
extension Identifier: DatabaseValueConvertible {}
