import Foundation

extension WhatIfChange {
    /// Applies the change to `scenario`; an id the scenario does not know is reported at `path`.
    /// `random` drives the draws of `scaleDemand`; `places` finds the communes `addSite` names
    /// (read from the shipped communes when nil).
    func apply(
        to scenario: inout Scenario, at path: JSONPath, random: inout SeededRandomNumberGenerator,
        places: NewPlaceContext? = nil
    ) -> [ValidationIssue] {
        func unknown(_ key: String, _ what: String, _ id: String) -> [ValidationIssue] {
            [ValidationIssue(path.key(key), "unknown \(what) \"\(id)\"")]
        }
        switch self {
        case .addUnit(let unit):
            if scenario.units.contains(where: { $0.id == unit.id }) {
                return [ValidationIssue(path.key("unit").key("id"), "unit \"\(unit.id)\" already exists")]
            }
            scenario.units.append(unit)
        case .removeUnit(let id):
            guard let index = scenario.units.firstIndex(where: { $0.id == id }) else {
                return unknown("unitId", "unit", id.rawValue)
            }
            scenario.units.remove(at: index)
            scenario.bookings.removeAll { $0.host.unitId == id }
        case .moveDepot(let id, let depot):
            guard let index = scenario.units.firstIndex(where: { $0.id == id }) else {
                return unknown("unitId", "unit", id.rawValue)
            }
            scenario.units[index].depot = depot
            scenario.bookings.removeAll { $0.host.unitId == id }
        case .addSpecialist(let specialist):
            if scenario.specialists.contains(where: { $0.id == specialist.id }) {
                return [
                    ValidationIssue(path.key("specialist").key("id"), "specialist \"\(specialist.id)\" already exists")
                ]
            }
            scenario.specialists.append(specialist)
        case .removeSpecialist(let id):
            guard let index = scenario.specialists.firstIndex(where: { $0.id == id }) else {
                return unknown("specialistId", "specialist", id.rawValue)
            }
            scenario.specialists.remove(at: index)
            scenario.bookings.removeAll { $0.specialistId == id }
            for index in scenario.requests.indices where scenario.requests[index].preferredSpecialistId == id {
                scenario.requests[index].preferredSpecialistId = nil
            }
        case .changeSpecialistHours(let id, let windows):
            guard let index = scenario.specialists.firstIndex(where: { $0.id == id }) else {
                return unknown("specialistId", "specialist", id.rawValue)
            }
            scenario.specialists[index].weeklyAvailability = windows
        case .scaleDemand(let factor, let specialty, let department):
            guard factor >= 0, factor.isFinite, factor <= 10 else {
                return [ValidationIssue(path.key("factor"), "factor must be between 0 and 10, found \(factor)")]
            }
            scaleDemand(factor, specialty: specialty, department: department, in: &scenario, random: &random)
        case .closeSite(let id, let dates):
            guard let index = scenario.sites.firstIndex(where: { $0.id == id }) else {
                return unknown("siteId", "site", id.rawValue)
            }
            scenario.sites[index].closedDates = Array(Set(scenario.sites[index].closedDates + dates)).sorted()
            let closed = Set(dates)
            scenario.bookings.removeAll { $0.siteId == id && closed.contains(WallClock.paris.localDate(of: $0.start)) }
        case .changeUrgencyDelays(let delays):
            scenario.urgencyDelays = delays
        case .changeWeights(let weights):
            scenario.weights = weights
        case .addSite(let addition):
            return Self.addSite(
                addition, to: &scenario, at: path, places: places ?? NewPlaceContext(base: scenario, communes: nil))
        case .removeSite(let id, let target):
            return Self.removeSite(id, transferTo: target, from: &scenario, at: path)
        }
        return []
    }

    private func scaleDemand(
        _ factor: Double, specialty: Specialty?, department: String?, in scenario: inout Scenario,
        random: inout SeededRandomNumberGenerator
    ) {
        let siteDepartment = Dictionary(
            scenario.sites.map { ($0.id, $0.departmentCode) }, uniquingKeysWith: { first, _ in first })
        let matching = scenario.requests.indices.filter { index in
            let request = scenario.requests[index]
            return (specialty == nil || request.specialty == specialty)
                && (department == nil || siteDepartment[request.siteId] == department)
        }
        let change = Int((Double(matching.count) * (factor - 1)).rounded())
        if change > 0 {
            let sources = random.shuffled(matching)
            for number in 0..<change {
                var copy = scenario.requests[sources[number % sources.count]]
                copy.id = ConsultationRequest.ID("\(copy.id.rawValue)-W\(number + 1)")
                copy.patientRef = "\(copy.patientRef)-W\(number + 1)"
                scenario.requests.append(copy)
            }
        } else if change < 0 {
            let booked = Set(scenario.bookings.filter { $0.status.occupiesResources }.map(\.requestId))
            let removable = random.shuffled(matching.filter { !booked.contains(scenario.requests[$0].id) })
            let removed = Set(removable.prefix(-change).map { scenario.requests[$0].id })
            scenario.requests.removeAll { removed.contains($0.id) }
            scenario.bookings.removeAll { removed.contains($0.requestId) }
        }
    }
}

extension WhatIfStudy {
    /// The scenario of each variant, the base first (named "référence"). Every change is applied in
    /// order; unknown ids and invalid resulting scenarios are reported all at once. `communes`
    /// places the sites `addSite` names (the shipped communes when nil, read only if a change
    /// adds a site).
    public func scenarios(base: Scenario, communes: CommuneDirectory? = nil) throws(WhatIfError) -> [(
        variant: WhatIfVariant, scenario: Scenario
    )] {
        var issues: [ValidationIssue] = []
        if formatVersion != Self.currentFormatVersion {
            issues.append(
                ValidationIssue(
                    "formatVersion",
                    "this build reads what-if format version \(Self.currentFormatVersion), the file says \(formatVersion)"
                ))
        }
        if variants.isEmpty { issues.append(ValidationIssue("variants", "a study needs at least one variant")) }
        let addsSites = variants.contains { $0.changes.contains { if case .addSite = $0 { true } else { false } } }
        let places = addsSites ? NewPlaceContext(base: base, communes: communes) : nil
        var names = Set([Self.baseName])
        var result = [(WhatIfVariant(name: Self.baseName, changes: []), base)]
        for (position, variant) in variants.enumerated() {
            let path = JSONPath("variants")[position]
            if !names.insert(variant.name).inserted {
                issues.append(ValidationIssue(path.key("name"), "variant name \"\(variant.name)\" is used twice"))
            }
            var scenario = base
            scenario.name = "\(base.name) · \(variant.name)"
            // One stream per variant: adding a variant never changes another's draws.
            var random = SeededRandomNumberGenerator(seed: UInt64(position + 1))
            for (index, change) in variant.changes.enumerated() {
                issues += change.apply(
                    to: &scenario, at: path.key("changes")[index], random: &random, places: places)
            }
            for issue in ScenarioValidator().validate(scenario) {
                issues.append(ValidationIssue(path.key("scenario"), issue.description))
            }
            result.append((variant, scenario))
        }
        guard issues.isEmpty else { throw WhatIfError(issues) }
        return result
    }

    /// The name of the unchanged base in every comparison.
    public static let baseName = "référence"
}
