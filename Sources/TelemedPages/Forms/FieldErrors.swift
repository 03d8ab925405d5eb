/// A form refused: a French reason per field, to show beside each one when the page comes back.
public struct FieldErrors<Field: Hashable & Sendable>: Error, Sendable {
    public var messages: [Field: String]

    public init(_ messages: [Field: String]) {
        self.messages = messages
    }
}
