/// Who a bearer token speaks for (DESIGN.md "HTTP"): `admin`, `planner`, the staff of one site, one
/// unit's crew, or one specialist. Stored as its text (`site:E-58-0001`).
public enum AccessRole: Hashable, Sendable, CustomStringConvertible {
    case admin
    case planner
    case site(String)
    case unit(String)
    case specialist(String)

    /// Parses `admin`, `planner`, `site:<id>`, `unit:<id>`, `specialist:<id>`; nil otherwise.
    public init?(_ text: String) {
        switch text {
        case "admin": self = .admin
        case "planner": self = .planner
        default:
            guard let colon = text.firstIndex(of: ":") else { return nil }
            let id = String(text[text.index(after: colon)...])
            guard !id.isEmpty else { return nil }
            switch text[..<colon] {
            case "site": self = .site(id)
            case "unit": self = .unit(id)
            case "specialist": self = .specialist(id)
            default: return nil
            }
        }
    }

    public var description: String {
        switch self {
        case .admin: "admin"
        case .planner: "planner"
        case .site(let id): "site:\(id)"
        case .unit(let id): "unit:\(id)"
        case .specialist(let id): "specialist:\(id)"
        }
    }
}
