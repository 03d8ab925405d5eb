import TelemedCalendar

extension InputError {
    /// Runs a calendar library call; its ``CalendarError`` becomes an input error about `context`
    /// (the file the command was given).
    static func calendar<Value>(_ context: String, _ body: () throws(CalendarError) -> Value) throws -> Value {
        do {
            return try body()
        } catch {
            throw InputError("\(context): \(error.description)")
        }
    }
}
