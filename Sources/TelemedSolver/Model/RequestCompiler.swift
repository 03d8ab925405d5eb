import TelemedCore

/// Compiles requests into ``SchedulingProblem/Request``s: the site and specialist positions, the
/// equipment mask, the patient and department numbers, the earliest start and the due day. Kept by
/// the problem after compiling the scenario's requests, so one more request (a staff member's new
/// one, for proposals) compiles the same way without recompiling the scenario.
struct RequestCompiler: Sendable {
    let scenario: Scenario
    let index: ScenarioIndex
    let timeline: Timeline
    /// Specialists by specialty, in scenario order.
    let practitioners: [Specialty: [Int]]
    var equipment = VocabularyMask<Equipment>()
    private(set) var patients: [String: Int] = [:]
    private(set) var departments: [String] = []
    private var departmentIndex: [String: Int] = [:]

    init(scenario: Scenario, index: ScenarioIndex, timeline: Timeline) {
        self.scenario = scenario
        self.index = index
        self.timeline = timeline
        var practitioners: [Specialty: [Int]] = [:]
        for (position, specialist) in scenario.specialists.enumerated() {
            for specialty in specialist.specialties { practitioners[specialty, default: []].append(position) }
        }
        self.practitioners = practitioners
    }

    /// The request's site must be a scenario site (validation sees to it for scenario requests).
    mutating func compile(_ request: ConsultationRequest) throws(SolverError) -> SchedulingProblem.Request {
        if let series = request.series, !series.isExpanded {
            throw .invalidScenario([
                "request \"\(request.id)\": its series {count, minGapDays, maxGapDays} is not expanded into "
                    + "occurrences; expand it first (Scenario.expandingShorthands(), which telemed does when it reads a file)"
            ])
        }
        let site = try KnownReference.site(of: request, index: index)
        let department = scenario.sites[site].departmentCode
        if departmentIndex[department] == nil {
            departmentIndex[department] = departments.count
            departments.append(department)
        }
        let earliest = WithinHorizon.earliestStart(
            firstPossible: request.firstPossibleDate, horizon: scenario.horizon, timeline: timeline)
        let preferred = request.preferredSpecialistId.flatMap { index.specialists[$0] }
        var candidates = SpecialtyMatch.candidates(for: request, practitioners: practitioners)
        if let preferred, let at = candidates.firstIndex(of: preferred) {
            candidates.remove(at: at)
            candidates.insert(preferred, at: 0)
        }
        let patient = patients[request.patientRef] ?? patients.count
        patients[request.patientRef] = patient
        return SchedulingProblem.Request(
            site: site, mode: request.mode, equipment: try equipment.mask(request.requiredEquipment),
            duration: timeline.ticks(minutes: request.durationMinutes), load: request.capacityLoad,
            earliestStart: earliest,
            latestEnd: WithinHorizon.latestEnd(
                lastPossible: request.latestDate, horizon: scenario.horizon, timeline: timeline),
            dueDay: scenario.horizon.start.days(to: request.dueDate(delays: scenario.urgencyDelays)),
            servedWeight: scenario.weights.served[request.urgency],
            latenessPerDay: scenario.weights.latenessPerDay[request.urgency],
            preferredSpecialist: preferred, patient: patient, specialists: candidates,
            department: departmentIndex[department]!)
    }
}
