/// A document a command was given cannot be used (missing, unreadable, not the expected shape).
/// Not a usage mistake, so no usage text follows the message; the command exits with status 1.
struct InputError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
