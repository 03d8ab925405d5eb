import TelemedCore

/// `knownReference`: every id refers to an existing entity and booking ids are unique.
/// Structural in the solver: it compiles only what ``ScenarioValidator`` accepts (unknown ids and
/// duplicate ids are among what it refuses), so the search works on indices that always resolve;
/// a staff member's new request is validated the same way before proposals are sought.
enum KnownReference: SolverRule {
    static let name = ConstraintName.knownReference

    /// Refuses a scenario the validator finds fault with.
    static func refuseInvalid(_ scenario: Scenario) throws(SolverError) {
        let issues = ScenarioValidator().validate(scenario)
        guard issues.isEmpty else { throw .invalidScenario(issues.map(\.description)) }
    }

    /// Refuses a new request that does not fit `scenario` (unknown site, specialist…).
    static func refuseInvalid(_ request: ConsultationRequest, joining scenario: Scenario, index: ScenarioIndex)
        throws(SolverError)
    {
        let issues = ScenarioValidator().validate(request, joining: scenario, index: index)
        guard issues.isEmpty else { throw .invalidScenario(issues.map(\.description)) }
    }

    /// The position of the request's site; a request compiled alone may still name an unknown one.
    static func site(of request: ConsultationRequest, index: ScenarioIndex) throws(SolverError) -> Int {
        guard let site = index.sites[request.siteId] else {
            throw .invalidScenario(["unknown site \"\(request.siteId)\""])
        }
        return site
    }
}
