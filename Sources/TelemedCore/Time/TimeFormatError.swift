/// A date or time string that does not have the expected shape.
public enum TimeFormatError: Error, Equatable, Sendable {
    case invalidDate(String)
    case invalidTime(String)
    case invalidInstant(String)

    public var message: String {
        switch self {
        case .invalidDate(let text): "\"\(text)\" is not a date: expected YYYY-MM-DD, e.g. 2027-01-04"
        case .invalidTime(let text): "\"\(text)\" is not a time of day: expected HH:mm between 00:00 and 24:00"
        case .invalidInstant(let text):
            "\"\(text)\" is not an instant: expected ISO 8601 with an offset, e.g. 2027-01-05T09:00:00Z"
        }
    }
}
