import TelemedCore

/// `specialtyMatch`: a booking's specialist practises the request's specialty; `crew` work names
/// none. Enforced once, when a request is compiled: its candidate specialists are exactly the
/// practitioners of its specialty (none for `crew`), and every placement picks one of them.
enum SpecialtyMatch: SolverRule {
    static let name = ConstraintName.specialtyMatch

    /// The specialists who may take `request`, in scenario order (`practitioners`: by specialty).
    static func candidates(for request: ConsultationRequest, practitioners: [Specialty: [Int]]) -> [Int] {
        request.mode.needsSpecialist ? practitioners[request.specialty] ?? [] : []
    }
}
