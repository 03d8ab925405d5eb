/// One change a planner tries on the base scenario. Written in JSON with a `kind`:
///
/// ```json
/// {"kind": "addUnit", "unit": { …a unit as in a scenario… }}
/// {"kind": "removeUnit", "unitId": "U-03"}
/// {"kind": "moveDepot", "unitId": "U-03", "depot": {"name": "…", "inseeCode": "58062", "location": {…}}}
/// {"kind": "addSpecialist", "specialist": { …a specialist as in a scenario… }}
/// {"kind": "removeSpecialist", "specialistId": "SP-0012"}
/// {"kind": "changeSpecialistHours", "specialistId": "SP-0012", "weeklyAvailability": [ … ]}
/// {"kind": "scaleDemand", "factor": 1.3, "specialty": "dermatology", "department": "58"}
/// {"kind": "closeSite", "siteId": "E-58-0042", "dates": ["2027-01-11", "2027-01-12"]}
/// {"kind": "addSite", "inseeCode": "58145", "siteKind": "townPoint", "openingHours": [ … ], …}
/// {"kind": "removeSite", "siteId": "T-58-0003", "transferTo": "T-58-0001"}
/// {"kind": "changeUrgencyDelays", "urgencyDelays": {"urgent": 2, "soon": 7, "routine": 21}}
/// {"kind": "changeWeights", "weights": { …as in a scenario… }}
/// ```
///
/// `scaleDemand` multiplies the requests of a specialty and/or a department (both optional): above
/// 1 it adds copies of matching requests (fresh ids and pseudonymous patients, picked by a seeded
/// draw, so a file always gives the same scenario); below 1 it removes matching requests that no
/// booking holds.
///
/// `addSite` adds a nursing home or a town point and the requests it would ask for
/// (``SiteAddition``). `removeSite` takes a site out of the programme for good (``apply``):
/// its bookings and the units' recurring stops there go with it, and its requests either leave
/// the programme or, with `transferTo`, are asked at that other site instead.
public enum WhatIfChange: Codable, Hashable, Sendable {
    case addUnit(MobileUnit)
    case removeUnit(MobileUnit.ID)
    case moveDepot(MobileUnit.ID, Depot)
    case addSpecialist(Specialist)
    case removeSpecialist(Specialist.ID)
    case changeSpecialistHours(Specialist.ID, [WeeklyWindow])
    case scaleDemand(factor: Double, specialty: Specialty?, department: String?)
    case closeSite(Site.ID, dates: [LocalDate])
    case addSite(SiteAddition)
    case removeSite(Site.ID, transferTo: Site.ID?)
    case changeUrgencyDelays(UrgencyTable<Int>)
    case changeWeights(ObjectiveWeights)

    enum Kind: String, ClosedVocabulary {
        case addUnit, removeUnit, moveDepot, addSpecialist, removeSpecialist, changeSpecialistHours, scaleDemand
        case closeSite, changeUrgencyDelays, changeWeights, addSite, removeSite
    }

    private enum CodingKeys: String, CodingKey {
        case kind, unit, unitId, depot, specialist, specialistId, weeklyAvailability, factor, specialty, department
        case siteId, dates, urgencyDelays, weights, transferTo
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(Kind.self, forKey: .kind) {
        case .addUnit: self = .addUnit(try c.decode(MobileUnit.self, forKey: .unit))
        case .removeUnit: self = .removeUnit(try c.decode(MobileUnit.ID.self, forKey: .unitId))
        case .moveDepot:
            self = .moveDepot(
                try c.decode(MobileUnit.ID.self, forKey: .unitId), try c.decode(Depot.self, forKey: .depot))
        case .addSpecialist: self = .addSpecialist(try c.decode(Specialist.self, forKey: .specialist))
        case .removeSpecialist: self = .removeSpecialist(try c.decode(Specialist.ID.self, forKey: .specialistId))
        case .changeSpecialistHours:
            self = .changeSpecialistHours(
                try c.decode(Specialist.ID.self, forKey: .specialistId),
                try c.decode([WeeklyWindow].self, forKey: .weeklyAvailability))
        case .scaleDemand:
            self = .scaleDemand(
                factor: try c.decode(Double.self, forKey: .factor),
                specialty: try c.decodeIfPresent(Specialty.self, forKey: .specialty),
                department: try c.decodeIfPresent(String.self, forKey: .department))
        case .closeSite:
            self = .closeSite(
                try c.decode(Site.ID.self, forKey: .siteId), dates: try c.decode([LocalDate].self, forKey: .dates))
        case .changeUrgencyDelays:
            self = .changeUrgencyDelays(try c.decode(UrgencyTable<Int>.self, forKey: .urgencyDelays))
        case .changeWeights: self = .changeWeights(try c.decode(ObjectiveWeights.self, forKey: .weights))
        case .addSite: self = .addSite(try SiteAddition(from: decoder))
        case .removeSite:
            self = .removeSite(
                try c.decode(Site.ID.self, forKey: .siteId),
                transferTo: try c.decodeIfPresent(Site.ID.self, forKey: .transferTo))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        switch self {
        case .addUnit(let unit): try c.encode(unit, forKey: .unit)
        case .removeUnit(let unit): try c.encode(unit, forKey: .unitId)
        case .moveDepot(let unit, let depot):
            try c.encode(unit, forKey: .unitId)
            try c.encode(depot, forKey: .depot)
        case .addSpecialist(let specialist): try c.encode(specialist, forKey: .specialist)
        case .removeSpecialist(let specialist): try c.encode(specialist, forKey: .specialistId)
        case .changeSpecialistHours(let specialist, let windows):
            try c.encode(specialist, forKey: .specialistId)
            try c.encode(windows, forKey: .weeklyAvailability)
        case .scaleDemand(let factor, let specialty, let department):
            try c.encode(factor, forKey: .factor)
            try c.encodeIfPresent(specialty, forKey: .specialty)
            try c.encodeIfPresent(department, forKey: .department)
        case .closeSite(let site, let dates):
            try c.encode(site, forKey: .siteId)
            try c.encode(dates, forKey: .dates)
        case .changeUrgencyDelays(let delays): try c.encode(delays, forKey: .urgencyDelays)
        case .changeWeights(let weights): try c.encode(weights, forKey: .weights)
        case .addSite(let addition): try addition.encode(to: encoder)
        case .removeSite(let site, let transferTo):
            try c.encode(site, forKey: .siteId)
            try c.encodeIfPresent(transferTo, forKey: .transferTo)
        }
    }

    var kind: Kind {
        switch self {
        case .addUnit: .addUnit
        case .removeUnit: .removeUnit
        case .moveDepot: .moveDepot
        case .addSpecialist: .addSpecialist
        case .removeSpecialist: .removeSpecialist
        case .changeSpecialistHours: .changeSpecialistHours
        case .scaleDemand: .scaleDemand
        case .closeSite: .closeSite
        case .changeUrgencyDelays: .changeUrgencyDelays
        case .changeWeights: .changeWeights
        case .addSite: .addSite
        case .removeSite: .removeSite
        }
    }
}
