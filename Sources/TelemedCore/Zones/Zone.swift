/// A named set of whole communes a programme treats apart: a priority-intervention zone of the
/// health agency (`ZIP`), a complementary-action zone (`ZAC`), a city-policy neighbourhood (`QPV`,
/// represented by its commune, so its population figures are the commune's), or anything else an
/// agency draws (`custom`). Reports give access figures per zone, and the objective can weigh
/// fairness between a kind's zones and the rest of the region.
///
/// ```json
/// {"name": "ZIP Morvan", "kind": "ZIP", "communes": ["58079", "58145"]}
/// ```
public struct Zone: Codable, Hashable, Sendable {
    /// The label the agency gives it; unique within a scenario.
    public var name: String
    public var kind: ZoneKind
    /// INSEE codes of its communes, each once.
    public var communes: [String]

    public init(name: String, kind: ZoneKind, communes: [String]) {
        self.name = name
        self.kind = kind
        self.communes = communes
    }
}

/// What kind of zone: the agencies' usual ones are named, others may be used (letters, digits,
/// `-` and `_`, at most 16 characters).
public struct ZoneKind: OpenVocabulary {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Zone d'intervention prioritaire (ARS medical-density zoning).
    public static let priorityIntervention: ZoneKind = "ZIP"
    /// Zone d'action complémentaire.
    public static let complementaryAction: ZoneKind = "ZAC"
    /// Quartier prioritaire de la politique de la ville.
    public static let cityPolicyNeighbourhood: ZoneKind = "QPV"
    public static let custom: ZoneKind = "custom"

    /// Whether the text can name a kind: what CSV files and scenarios are checked against.
    public var isWellFormed: Bool {
        (1...16).contains(rawValue.count)
            && rawValue.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")
            }
    }
}

extension Zone {
    /// `current` with `incoming` added, each replacing a zone of the same name (an agency publishes
    /// a new version of its zoning); other zones stay, in their order, new ones at the end.
    public static func replacing(_ current: [Zone], with incoming: [Zone]) -> [Zone] {
        let byName = Dictionary(incoming.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        let known = Set(current.map(\.name))
        return current.map { byName[$0.name] ?? $0 } + incoming.filter { !known.contains($0.name) }
    }
}
