/// The name of one rule of `docs/constraints.md`, used alike in checker violations, the solver's
/// explanations (`UnassignedRequest.constraint`), KPIs and tests. The raw value is the name as
/// written in the contract.
public enum ConstraintName: String, Codable, CaseIterable, Sendable {
    case specialtyMatch
    case specialistAvailable
    case specialistNoOverlap
    case specialistDailyMax
    case siteOpen
    case roomFree
    case nursePresent
    case equipmentAvailable
    case unitPresent
    case unitRouteFeasible
    case withinHorizon
    case patientNoOverlap
    case pinnedUnchanged
    case seriesSpacing
    case requestOnce
    case knownReference
}
