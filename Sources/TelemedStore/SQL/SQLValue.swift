import Foundation
import TelemedCore

/// A value as both stores hold it: SQLite's storage classes, which the PostgreSQL schema mirrors
/// (booleans as 0/1 integers, instants as text in ``SQLInstant``'s format, JSON as text), so one SQL
/// text and one set of arguments mean the same on both.
enum SQLValue: Hashable, Sendable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob(Data)
}

extension SQLValue: CustomStringConvertible {
    /// As a message shows it: the text or number itself.
    var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let integer): String(integer)
        case .real(let real): String(real)
        case .text(let text): text
        case .blob(let data): "\(data.count) bytes"
        }
    }
}

/// A Swift value that is one column: written as an argument, read back from a row.
protocol SQLValueConvertible {
    var sqlValue: SQLValue { get }
    /// Nil when `value` is not a value of this type (a text where a number was expected, a NULL).
    static func fromSQL(_ value: SQLValue) -> Self?
}

extension SQLValue: SQLValueConvertible {
    var sqlValue: SQLValue { self }
    static func fromSQL(_ value: SQLValue) -> SQLValue? { value }
}

extension String: SQLValueConvertible {
    var sqlValue: SQLValue { .text(self) }
    static func fromSQL(_ value: SQLValue) -> String? {
        if case .text(let text) = value { return text }
        return nil
    }
}

extension Int64: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(self) }
    static func fromSQL(_ value: SQLValue) -> Int64? {
        switch value {
        case .integer(let integer): integer
        // An aggregate of integers (SUM on PostgreSQL is numeric) arrives as a whole real.
        case .real(let real) where real.rounded() == real && abs(real) < 9.2e18: Int64(real)
        default: nil
        }
    }
}

extension Int: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(Int64(self)) }
    static func fromSQL(_ value: SQLValue) -> Int? { Int64.fromSQL(value).map { Int($0) } }
}

extension Double: SQLValueConvertible {
    var sqlValue: SQLValue { .real(self) }
    static func fromSQL(_ value: SQLValue) -> Double? {
        switch value {
        case .real(let real): real
        case .integer(let integer): Double(integer)
        default: nil
        }
    }
}

/// Booleans are 0 and 1, as SQLite stores them; the PostgreSQL schema uses integer columns too.
extension Bool: SQLValueConvertible {
    var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    static func fromSQL(_ value: SQLValue) -> Bool? { Int64.fromSQL(value).map { $0 != 0 } }
}

extension Data: SQLValueConvertible {
    var sqlValue: SQLValue { .blob(self) }
    static func fromSQL(_ value: SQLValue) -> Data? {
        if case .blob(let data) = value { return data }
        return nil
    }
}

/// Instants as UTC text to the millisecond (``SQLInstant``), ordered as text.
extension Date: SQLValueConvertible {
    var sqlValue: SQLValue { .text(SQLInstant.text(self)) }
    static func fromSQL(_ value: SQLValue) -> Date? {
        guard case .text(let text) = value else { return nil }
        return SQLInstant.date(text)
    }
}

/// Ids are their plain text.
extension Identifier: SQLValueConvertible {
    var sqlValue: SQLValue { .text(rawValue) }
    static func fromSQL(_ value: SQLValue) -> Identifier? { String.fromSQL(value).map(Self.init(rawValue:)) }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    var sqlValue: SQLValue { self?.sqlValue ?? .null }
    /// `.some(nil)` for NULL; nil only when a non-NULL value is not a `Wrapped`.
    static func fromSQL(_ value: SQLValue) -> Wrapped?? {
        if case .null = value { return .some(nil) }
        return Wrapped.fromSQL(value).map { .some($0) }
    }
}

extension LocalDate: SQLValueConvertible {
    var sqlValue: SQLValue { .text(description) }
    static func fromSQL(_ value: SQLValue) -> LocalDate? { String.fromSQL(value).flatMap { try? LocalDate($0) } }
}
