import TelemedCore

/// How many unassigned requests one constraint blocked.
public struct ConstraintCount: Codable, Hashable, Sendable {
    public var constraint: ConstraintName
    public var count: Int

    public init(constraint: ConstraintName, count: Int) {
        self.constraint = constraint
        self.count = count
    }
}
