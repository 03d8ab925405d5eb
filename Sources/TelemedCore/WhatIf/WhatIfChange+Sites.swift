/// `addSite` and `removeSite`: places that join or leave the programme.
extension WhatIfChange {
    /// Adds the site and the requests it asks for. Every check runs before the scenario changes,
    /// so a refused change leaves it as it was.
    static func addSite(
        _ addition: SiteAddition, to scenario: inout Scenario, at path: JSONPath, places: NewPlaceContext
    ) -> [ValidationIssue] {
        if let rate = addition.requestsPerFourWeeks, !(rate.isFinite && (0...1_000).contains(rate)) {
            return [
                ValidationIssue(path.key("requestsPerFourWeeks"), "must be between 0 and 1000 requests, found \(rate)")
            ]
        }
        let site: Site
        let commune: Commune
        switch addition.place {
        case .site(let given):
            switch places.commune(given.inseeCode) {
            case .failure(let refusal): return [ValidationIssue(path.key("site").key("inseeCode"), refusal.description)]
            case .success(let found): (site, commune) = (given, found)
            }
            if scenario.sites.contains(where: { $0.id == site.id }) {
                return [ValidationIssue(path.key("site").key("id"), "site \"\(site.id)\" already exists")]
            }
        case .commune(let compact):
            switch places.commune(compact.inseeCode) {
            case .failure(let refusal): return [ValidationIssue(path.key("inseeCode"), refusal.description)]
            case .success(let found): commune = found
            }
            var issues: [ValidationIssue] = []
            if let id = compact.id, scenario.sites.contains(where: { $0.id == id }) {
                issues.append(ValidationIssue(path.key("id"), "site \"\(id)\" already exists"))
            }
            if compact.kind == .ehpad {
                if compact.finess == nil {
                    issues.append(
                        ValidationIssue(path.key("finess"), "an EHPAD needs its FINESS number (9 characters)"))
                }
                if compact.beds == nil {
                    issues.append(
                        ValidationIssue(path.key("beds"), "an EHPAD needs its beds: its demand is drawn from them"))
                }
            }
            guard issues.isEmpty else { return issues }
            site = compact.site(
                in: commune, id: compact.id ?? FreshIdentifiers.site(compact.kind, commune, in: scenario))
        }
        let profile = places.profile(of: commune)
        let weeks = Double(scenario.horizon.start.days(to: scenario.horizon.end) + 1) / 7
        let mean =
            addition.requestsPerFourWeeks.map { $0 * weeks / 4 } ?? profile.expectedRequests(at: site, weeks: weeks)
        scenario.sites.append(site)
        scenario.requests += newRequests(at: site, mean: mean, in: scenario)
        return []
    }

    /// The requests of a new site, drawn from a stream seeded by its id alone.
    private static func newRequests(at site: Site, mean: Double, in scenario: Scenario) -> [ConsultationRequest] {
        var random = SeededRandomNumberGenerator(seed: StableHash.fnv1a("addSite " + site.id.rawValue))
        let draw = SiteDemandDraw(horizon: scenario.horizon, specialists: scenario.specialists)
        let takenIds = Set(scenario.requests.map(\.id))
        var number = 0
        return draw.requests(
            count: random.poisson(mean: mean), at: site, siteIndex: scenario.sites.count - 1,
            takenPatients: Set(scenario.requests.map(\.patientRef)),
            id: { wanted in
                // "R-T-58-0007-01"; a number another request already holds is skipped.
                number = max(number, wanted)
                while takenIds.contains(requestId(site, number)) { number += 1 }
                defer { number += 1 }
                return requestId(site, number)
            }, firstNumber: 1, random: &random)
    }

    private static func requestId(_ site: Site, _ number: Int) -> ConsultationRequest.ID {
        ConsultationRequest.ID("R-\(site.id.rawValue)-\(number < 10 ? "0" : "")\(number)")
    }

    /// Takes the site out: its bookings and the units' recurring stops there go; its requests
    /// leave the programme, or move to `target` (their bookings, made at the old site, go too,
    /// so the solver places them anew).
    static func removeSite(
        _ id: Site.ID, transferTo target: Site.ID?, from scenario: inout Scenario, at path: JSONPath
    ) -> [ValidationIssue] {
        guard let index = scenario.sites.firstIndex(where: { $0.id == id }) else {
            return [ValidationIssue(path.key("siteId"), "unknown site \"\(id)\"")]
        }
        if let target {
            guard target != id else {
                return [
                    ValidationIssue(
                        path.key("transferTo"), "the removed site cannot take its own requests; name another site")
                ]
            }
            guard scenario.sites.contains(where: { $0.id == target }) else {
                return [ValidationIssue(path.key("transferTo"), "unknown site \"\(target)\"")]
            }
        }
        scenario.sites.remove(at: index)
        let leaving = Set(scenario.requests.filter { $0.siteId == id }.map(\.id))
        scenario.bookings.removeAll { $0.siteId == id || leaving.contains($0.requestId) }
        for unit in scenario.units.indices {
            scenario.units[unit].recurringStops.removeAll { $0.siteId == id }
        }
        if let target {
            for request in scenario.requests.indices where scenario.requests[request].siteId == id {
                scenario.requests[request].siteId = target
            }
        } else {
            scenario.requests.removeAll { leaving.contains($0.id) }
        }
        return []
    }
}

extension SiteInCommune {
    /// The site this form describes, at the commune's town hall.
    func site(in commune: Commune, id: Site.ID) -> Site {
        Site(
            id: id, kind: kind,
            name: name ?? (kind == .ehpad ? "EHPAD de \(commune.name)" : "Point de consultation de \(commune.name)"),
            finess: finess, beds: beds, inseeCode: commune.inseeCode, commune: commune.name, address: address ?? "",
            location: commune.location, openingHours: openingHours, nurseHours: nurseHours, rooms: rooms,
            equipment: equipment)
    }
}
