/// Weights of the lexicographic objective: `served` ranks plans first; the soft terms break ties.
public struct ObjectiveWeights: Codable, Hashable, Sendable {
    /// Value of serving one request, per urgency.
    public var served: UrgencyTable<Int>
    /// Penalty per day a consultation falls after its due date, per urgency.
    public var latenessPerDay: UrgencyTable<Double>
    /// Penalty per minute a unit drives.
    public var travelMinute: Double
    /// Penalty when a request with a preferred specialist goes to someone else.
    public var continuityBroken: Double
    /// Penalty per minute a specialist works beyond their weekly availability.
    public var specialistOvertimeMinute: Double
    /// Penalty per point of spread between departments' served shares.
    public var territorialFairness: Double
    /// Penalty per proposed booking staff have seen that the plan moves (another specialist,
    /// start or host) or no longer books: re-planning for small gains moves slots staff were shown.
    public var proposalMoved: Double
    /// Per zone kind (`"ZIP"`, `"QPV"`…): penalty per point of spread between the shares of
    /// requests served within their urgency's delay in that kind's zones and in the rest of the
    /// region. Kinds not listed weigh nothing.
    public var zoneFairness: [String: Double] {
        get { storedZoneFairness ?? [:] }
        set { storedZoneFairness = newValue.isEmpty ? nil : newValue }
    }
    /// Absent from the JSON when empty, so files without it read and write as before.
    private var storedZoneFairness: [String: Double]?

    private enum CodingKeys: String, CodingKey {
        case served, latenessPerDay, travelMinute, continuityBroken, specialistOvertimeMinute, territorialFairness
        case proposalMoved
        case storedZoneFairness = "zoneFairness"
    }

    public init(
        served: UrgencyTable<Int> = UrgencyTable(urgent: 100, soon: 10, routine: 1),
        latenessPerDay: UrgencyTable<Double> = UrgencyTable(urgent: 20, soon: 2, routine: 0.5),
        travelMinute: Double = 0.05, continuityBroken: Double = 1, specialistOvertimeMinute: Double = 0.1,
        territorialFairness: Double = 0.5, proposalMoved: Double = 5, zoneFairness: [String: Double] = [:]
    ) {
        self.served = served
        self.latenessPerDay = latenessPerDay
        self.travelMinute = travelMinute
        self.continuityBroken = continuityBroken
        self.specialistOvertimeMinute = specialistOvertimeMinute
        self.territorialFairness = territorialFairness
        self.proposalMoved = proposalMoved
        self.zoneFairness = zoneFairness
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ObjectiveWeights()
        self.init(
            served: try c.decodeIfPresent(UrgencyTable<Int>.self, forKey: .served) ?? defaults.served,
            latenessPerDay: try c.decodeIfPresent(UrgencyTable<Double>.self, forKey: .latenessPerDay)
                ?? defaults.latenessPerDay,
            travelMinute: try c.decodeIfPresent(Double.self, forKey: .travelMinute) ?? defaults.travelMinute,
            continuityBroken: try c.decodeIfPresent(Double.self, forKey: .continuityBroken)
                ?? defaults.continuityBroken,
            specialistOvertimeMinute: try c.decodeIfPresent(Double.self, forKey: .specialistOvertimeMinute)
                ?? defaults.specialistOvertimeMinute,
            territorialFairness: try c.decodeIfPresent(Double.self, forKey: .territorialFairness)
                ?? defaults.territorialFairness,
            proposalMoved: try c.decodeIfPresent(Double.self, forKey: .proposalMoved) ?? defaults.proposalMoved,
            zoneFairness: try c.decodeIfPresent([String: Double].self, forKey: .storedZoneFairness) ?? [:]
        )
    }
}
