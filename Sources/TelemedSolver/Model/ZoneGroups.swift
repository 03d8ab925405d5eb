import TelemedCore

/// The groups the zone fairness terms compare (`weights.zoneFairness`): for each zone kind given a
/// weight, each zone of that kind and the rest of the region, and for each site the groups its
/// requests count in (the zones of that kind holding the site's commune, or the rest). Kinds in
/// name order, so the sum is the same whatever order the weights were written in.
struct ZoneGroups: Sendable {
    struct Kind: Sendable {
        var weight: Double
        var groupCount: Int
        /// Per site index: the groups of its requests.
        var groupsOfSite: [[Int]]
    }

    let kinds: [Kind]

    init(scenario: Scenario) {
        kinds = scenario.weights.zoneFairness.sorted { $0.key < $1.key }.compactMap { kind, weight in
            guard weight > 0 else { return nil }
            let zones = scenario.zones.filter { $0.kind.rawValue == kind }
            let rest = zones.count
            let groupsOfSite = scenario.sites.map { site in
                let holding = zones.indices.filter { zones[$0].communes.contains(site.inseeCode) }
                return holding.isEmpty ? [rest] : holding
            }
            return Kind(weight: weight, groupCount: zones.count + 1, groupsOfSite: groupsOfSite)
        }
    }

    /// Σ weight × (highest − lowest percentage served within delay among the groups with
    /// requests), given for each request its site and whether it is served within its delay.
    func spreadCost(requests: Int, site: (Int) -> Int, onTime: (Int) -> Bool) -> Double {
        var total = 0.0
        for kind in kinds {
            var served = [Int](repeating: 0, count: kind.groupCount)
            var counted = [Int](repeating: 0, count: kind.groupCount)
            for request in 0..<requests {
                let inTime = onTime(request)
                for group in kind.groupsOfSite[site(request)] {
                    counted[group] += 1
                    if inTime { served[group] += 1 }
                }
            }
            let shares = zip(served, counted).filter { $0.1 > 0 }.map { 100 * Double($0.0) / Double($0.1) }
            if let high = shares.max(), let low = shares.min() { total += kind.weight * (high - low) }
        }
        return total
    }
}
