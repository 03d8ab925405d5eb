import TelemedCore

/// Chooses the communes the siting search solves, from the base plan, before any candidate is
/// solved:
///
/// 1. communes of the catalog (the regions the base plans) whose population the criteria admit,
///    at least `spacingKilometres` from every existing point of the kind (town points for a town
///    point, units' depots for a depot);
/// 2. with unmet demand nearby: requests the base plan leaves out or serves after their due
///    date, at sites within `radiusMinutes` of the commune's town hall by the scenario's travel
///    model; communes with none are dropped;
/// 3. most unmet demand first (then the larger population, then the INSEE code), each chosen
///    commune setting aside those within `spacingKilometres` of it, up to `maximumCandidates`.
public struct SitingCandidateFilter: Sendable {
    public var base: Scenario
    public var basePlan: Plan
    public var catalog: CommuneCatalog
    public var travel: any TravelModel
    public var criteria: SitingCriteria

    public init(
        base: Scenario, basePlan: Plan, catalog: CommuneCatalog, travel: any TravelModel, criteria: SitingCriteria
    ) {
        self.base = base
        self.basePlan = basePlan
        self.catalog = catalog
        self.travel = travel
        self.criteria = criteria
    }

    public func candidates() -> [SitingCandidate] {
        let unmet = unmetRequestsBySite()
        let existing = existingPoints()
        var scored: [(commune: Commune, unmet: Int, sites: Int, nearest: Double?)] = []
        for commune in catalog.communes where criteria.admits(population: commune.population) {
            let nearest = existing.map { $0.greatCircleKilometres(to: commune.location) }.min()
            if let nearest, nearest < criteria.spacingKilometres { continue }
            let here = TravelPoint(id: "commune:\(commune.inseeCode)", location: commune.location)
            var count = 0
            var sites = 0
            for (site, requests) in unmet where minutes(from: here, to: site) <= criteria.radiusMinutes {
                count += requests
                sites += 1
            }
            if count > 0 { scored.append((commune, count, sites, nearest)) }
        }
        scored.sort {
            ($1.unmet, $1.commune.population, $0.commune.inseeCode) < (
                $0.unmet, $0.commune.population, $1.commune.inseeCode
            )
        }
        var chosen: [SitingCandidate] = []
        var chosenPlaces: [GeoPoint] = []
        for entry in scored where chosen.count < criteria.maximumCandidates {
            if chosenPlaces.contains(where: {
                $0.greatCircleKilometres(to: entry.commune.location) < criteria.spacingKilometres
            }) {
                continue
            }
            guard let (variant, id) = variant(for: entry.commune) else { break }
            chosenPlaces.append(entry.commune.location)
            chosen.append(
                SitingCandidate(
                    commune: CandidateCommune(
                        entry.commune, departmentName: catalog.department(entry.commune.departmentCode)?.name ?? ""),
                    unmetNearby: entry.unmet, sitesNearby: entry.sites, nearestExistingKilometres: entry.nearest,
                    variant: variant, addedId: id))
        }
        return chosen
    }

    /// Requests not served within their delay in the base plan, per site (travel point).
    func unmetRequestsBySite() -> [(TravelPoint, Int)] {
        let bookings = basePlan.bookings.servingByRequest
        let clock = WallClock.paris
        var counts: [Site.ID: Int] = [:]
        for request in base.requests {
            if let booking = bookings[request.id],
                clock.localDate(of: booking.start) <= request.dueDate(delays: base.urgencyDelays)
            {
                continue
            }
            counts[request.siteId, default: 0] += 1
        }
        return base.sites.compactMap { site in
            counts[site.id].map { (TravelPoint(id: site.id.rawValue, location: site.location), $0) }
        }
    }

    private func existingPoints() -> [GeoPoint] {
        switch criteria.kind {
        case .townPoint: base.sites.filter { $0.kind == .townPoint }.map(\.location)
        case .depot: base.units.map(\.depot.location)
        }
    }

    /// Driving minutes, or infinity when the model has no leg (a matrix without the commune).
    private func minutes(from origin: TravelPoint, to destination: TravelPoint) -> Double {
        (try? travel.leg(from: origin, to: destination).minutes) ?? .infinity
    }

    /// The variant adding the place in `commune`, and the id it adds; nil when the scenario has
    /// no unit to model a new one on.
    func variant(for commune: Commune) -> (WhatIfVariant, String)? {
        let place = "\(commune.name) (\(commune.departmentCode))"
        switch criteria.kind {
        case .townPoint:
            let id = FreshIdentifiers.site(.townPoint, commune, in: base)
            let site = TypicalPlaces.townPoint(of: base, inseeCode: commune.inseeCode, id: id)
            return (
                WhatIfVariant(
                    name: "point de consultation à \(place)", changes: [.addSite(SiteAddition(.commune(site)))]),
                id.rawValue
            )
        case .depot:
            let id = FreshIdentifiers.unit(in: base)
            let depot = Depot(name: "Base de \(commune.name)", inseeCode: commune.inseeCode, location: commune.location)
            guard
                let unit = TypicalPlaces.unit(
                    of: base, id: id, name: "Unité mobile de \(commune.name)", depot: depot)
            else { return nil }
            return (WhatIfVariant(name: "unité basée à \(place)", changes: [.addUnit(unit)]), id.rawValue)
        }
    }
}
