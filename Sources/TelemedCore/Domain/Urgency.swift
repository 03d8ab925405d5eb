/// How soon a request must be served. The delay in days from release to due date lives in the
/// scenario (``UrgencyTable``), so a what-if can change it.
public enum Urgency: String, ClosedVocabulary, Hashable, Comparable, Sendable {
    case urgent, soon, routine

    public static func < (lhs: Urgency, rhs: Urgency) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One value per urgency: delays, served weights, lateness weights.
///
/// ```json
/// {"urgent": 2, "soon": 7, "routine": 28}
/// ```
public struct UrgencyTable<Value: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
    public var urgent: Value
    public var soon: Value
    public var routine: Value

    public init(urgent: Value, soon: Value, routine: Value) {
        self.urgent = urgent
        self.soon = soon
        self.routine = routine
    }

    public subscript(urgency: Urgency) -> Value {
        get {
            switch urgency {
            case .urgent: urgent
            case .soon: soon
            case .routine: routine
            }
        }
        set {
            switch urgency {
            case .urgent: urgent = newValue
            case .soon: soon = newValue
            case .routine: routine = newValue
            }
        }
    }
}
