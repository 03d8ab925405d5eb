import TelemedCore

/// Why a scenario cannot be solved at all (as opposed to requests left unassigned).
public enum SolverError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidScenario([String])
    case travel(TravelModelError)
    case tooManyKinds(String)

    public var description: String {
        switch self {
        case .invalidScenario(let issues):
            "the scenario has \(issues.count) problem(s); run `telemed scenario validate`: "
                + issues.prefix(3).joined(separator: "; ")
        case .travel(let error): "travel model: \(error.message)"
        case .tooManyKinds(let kind): "more than 64 kinds of \(kind); the solver handles at most 64"
        }
    }
}
