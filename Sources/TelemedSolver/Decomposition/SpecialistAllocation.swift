import TelemedCore

/// Which part of a ``ScenarioPartition`` each remote specialist serves while the parts are solved
/// apart: the coordinating step that shares their capacity. Specialists are taken in id order and
/// each goes to the part furthest below its fair share of the specialist's first specialty, the
/// share being the part's demand for that specialty (consultation minutes) over the whole's.
/// Deterministic; the pass over the whole then lets any specialist serve any department again.
struct SpecialistAllocation {
    private var partOf: [Specialist.ID: Int] = [:]

    init(_ scenario: Scenario, clusters: [[String]], siteDepartment: [Site.ID: String]) {
        var clusterOf: [String: Int] = [:]
        for (index, cluster) in clusters.enumerated() {
            for department in cluster { clusterOf[department] = index }
        }
        var demand: [Specialty: [Double]] = [:]
        for request in scenario.requests {
            guard let part = siteDepartment[request.siteId].flatMap({ clusterOf[$0] }) else { continue }
            demand[request.specialty, default: Array(repeating: 0, count: clusters.count)][part] +=
                Double(request.durationMinutes)
        }
        let supply = Dictionary(grouping: scenario.specialists, by: { $0.specialties.first })
        var given: [Specialty: [Int]] = [:]
        for specialist in scenario.specialists.sorted(by: { $0.id < $1.id }) {
            guard let specialty = specialist.specialties.first, let wanted = demand[specialty] else {
                partOf[specialist.id] = 0
                continue
            }
            let total = wanted.reduce(0, +)
            let count = Double(supply[specialty]?.count ?? 1)
            var counts = given[specialty] ?? Array(repeating: 0, count: clusters.count)
            // The part with the largest gap between its share of the demand and of the specialists.
            let part = clusters.indices.max { a, b in
                (wanted[a] / total - Double(counts[a]) / count, -a) < (
                    wanted[b] / total - Double(counts[b]) / count, -b
                )
            }!
            counts[part] += 1
            given[specialty] = counts
            partOf[specialist.id] = part
        }
    }

    func of(part: Int) -> Set<Specialist.ID> {
        Set(partOf.filter { $0.value == part }.map(\.key))
    }
}
