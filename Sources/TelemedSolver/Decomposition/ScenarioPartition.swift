import TelemedCore

/// A large scenario cut into nearly independent parts: clusters of whole departments, in region
/// order, of about ``targetRequests`` requests each. A part holds its departments' sites and
/// requests, the units based there (and the sites of their recurring stops), and a share of the
/// remote specialists, whose sessions serve every department: each specialist goes to one part,
/// the parts getting their specialty's specialists in proportion to their demand for it
/// (``SpecialistAllocation``). Parts share nothing, so their plans put together are feasible; what
/// the cut leaves on the table (a unit that could cross into the next department, a specialist
/// idle in one part while another waits) is for the pass over the whole.
public struct ScenarioPartition: Sendable {
    struct Part: Sendable {
        var departments: [String]
        var scenario: Scenario
    }

    /// Requests a part aims at: small enough that construction stays fast (it grows faster than
    /// linearly), large enough that a region's units and specialists are rarely cut apart. Fixed,
    /// not derived from the threads, so the plan does not depend on the machine.
    public static let targetRequests = 2_500

    let parts: [Part]

    init(_ scenario: Scenario, targetRequests: Int = Self.targetRequests, regionOf: (String) -> String) {
        var requestsPerDepartment: [String: Int] = [:]
        var siteDepartment: [Site.ID: String] = [:]
        for site in scenario.sites { siteDepartment[site.id] = site.departmentCode }
        for request in scenario.requests {
            requestsPerDepartment[siteDepartment[request.siteId] ?? "", default: 0] += 1
        }
        let departments = Set(scenario.sites.map(\.departmentCode)).sorted {
            (regionOf($0), $0) < (regionOf($1), $1)
        }
        var clusters: [[String]] = []
        var current: [String] = []
        var size = 0
        for department in departments {
            let count = requestsPerDepartment[department] ?? 0
            let newRegion = current.last.map { regionOf($0) != regionOf(department) } ?? false
            if !current.isEmpty
                && (size + count > targetRequests || (newRegion && size >= targetRequests / 2))
            {
                clusters.append(current)
                current = []
                size = 0
            }
            current.append(department)
            size += count
        }
        if !current.isEmpty { clusters.append(current) }
        let specialists = SpecialistAllocation(scenario, clusters: clusters, siteDepartment: siteDepartment)
        parts = clusters.indices.map { index in
            Part(
                departments: clusters[index],
                scenario: Self.scenario(
                    of: Set(clusters[index]), from: scenario, specialists: specialists.of(part: index)))
        }
    }

    /// The part of `departments`: their sites and requests, the units based there with the
    /// sites of their recurring stops, and `specialists`. Campaign links are left out (the solver
    /// reads none of them; a campaign's targets may lie in other parts), and so are a preferred
    /// specialist serving another part and the requests the part cannot hold at all (a specialty
    /// none of its specialists practises, crew work without a unit, anything else the validator
    /// refuses once cut): the pass over the whole plans them.
    private static func scenario(
        of departments: Set<String>, from whole: Scenario, specialists: Set<Specialist.ID>
    ) -> Scenario {
        var part = whole
        let units = whole.units.filter {
            departments.contains(FrenchCodes.departmentCode(ofCommune: $0.depot.inseeCode))
        }
        let stopSites = Set(units.flatMap { $0.recurringStops.map(\.siteId) })
        part.sites = whole.sites.filter { departments.contains($0.departmentCode) || stopSites.contains($0.id) }
        let ownSites = Set(whole.sites.filter { departments.contains($0.departmentCode) }.map(\.id))
        part.units = units
        part.specialists = whole.specialists.filter { specialists.contains($0.id) }
        let practised = Set(part.specialists.flatMap(\.specialties))
        part.requests = whole.requests.filter { request in
            ownSites.contains(request.siteId)
                && (request.mode == .crew ? !units.isEmpty : practised.contains(request.specialty))
        }.map { request in
            var request = request
            request.campaignId = nil
            if let preferred = request.preferredSpecialistId, !specialists.contains(preferred) {
                request.preferredSpecialistId = nil
            }
            return request
        }
        part.campaigns = []
        part.bookings = []
        let refused = Set(
            ScenarioValidator().validate(part).compactMap { issue -> Int? in
                guard issue.path.components.first == .key("requests"), issue.path.components.count > 1,
                    case .index(let index) = issue.path.components[1]
                else { return nil }
                return index
            })
        if !refused.isEmpty {
            part.requests = part.requests.indices.filter { !refused.contains($0) }.map { part.requests[$0] }
        }
        return part
    }
}
