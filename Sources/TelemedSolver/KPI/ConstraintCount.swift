/// How many unassigned requests one constraint blocked.
public struct ConstraintCount: Codable, Hashable, Sendable {
    /// A ``ConstraintName`` raw value, or whatever name the plan file carries.
    public var constraint: String
    public var count: Int

    public init(constraint: String, count: Int) {
        self.constraint = constraint
        self.count = count
    }
}
