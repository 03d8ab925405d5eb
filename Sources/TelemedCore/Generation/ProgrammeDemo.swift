import Foundation

/// What the funded programmes add to a generated region (`telemed scenario generate --programmes`,
/// `Scenarios/campaigns-demo.json`): a diabetic-retinopathy screening campaign of 15 patients at
/// 20 sites, each retinal-camera unit's nearest in turn, four care series, the first
/// unit's weekly circuit stop made fortnightly and a first-Tuesday stop for the second unit. No
/// random draw: the same region gives the same additions.
public enum ProgrammeDemo {
    public static let campaignId: Campaign.ID = "C-RETINO"
    static let campaignSites = 20
    static let patientsPerSite = 15
    /// Farther sites may be out of a unit's day (`maxDrivingMinutesPerDay`).
    static let campaignReachKilometres = 45.0

    public static func adding(to base: Scenario) -> Scenario {
        var scenario = base
        if let campaign = campaign(in: scenario) { scenario.add(campaign) }
        scenario.requests += careSeries(in: scenario).flatMap { $0.expandingSeries() }
        scenario.units = circuits(scenario.units, in: scenario)
        return scenario
    }

    /// Retinal images taken at the unit's stop and read by an ophthalmologist within the review
    /// delay, from the second week to the one before last.
    static func campaign(in scenario: Scenario) -> Campaign? {
        let depots = scenario.units.filter { $0.equipment.contains(.retinalCamera) }.map(\.depot.location)
        guard !depots.isEmpty, scenario.horizon.days.count >= 21 else { return nil }
        // Each unit's nearest sites in turn, so no one unit carries the whole campaign.
        let nearestFirst = depots.map { depot in
            scenario.sites.filter { $0.location.greatCircleKilometres(to: depot) < campaignReachKilometres }.sorted {
                ($0.location.greatCircleKilometres(to: depot), $0.id) < (
                    $1.location.greatCircleKilometres(to: depot), $1.id
                )
            }
        }
        var sites: [Site] = []
        var rank = 0
        while sites.count < campaignSites, nearestFirst.contains(where: { $0.count > rank }) {
            for list in nearestFirst where list.count > rank && sites.count < campaignSites {
                if !sites.contains(where: { $0.id == list[rank].id }) { sites.append(list[rank]) }
            }
            rank += 1
        }
        return Campaign(
            id: campaignId, name: "Dépistage de la rétinopathie diabétique, hiver", kind: .screening,
            specialty: .ophthalmology, screeningType: "diabeticRetinopathy", mode: .async,
            period: Horizon(start: scenario.horizon.start.adding(days: 7), end: scenario.horizon.end.adding(days: -7)),
            targets: sites.map { CampaignTarget(siteId: $0.id, patients: patientsPerSite) }, minutesPerPatient: 10,
            equipment: [.retinalCamera])
    }

    /// Four series at the first EHPADs with a video cart: a wound every two weeks, a wound every
    /// 11–17 days for six sessions (the last ones wait for the window), weekly skin follow-ups and
    /// a geriatric review three weeks apart.
    static func careSeries(in scenario: Scenario) -> [ConsultationRequest] {
        let sites = scenario.sites.filter { $0.kind == .ehpad && $0.equipment.contains(.videoCart) }
            .sorted { $0.id < $1.id }
        let plans: [(Specialty, CareSeries)] = [
            (.woundCare, CareSeries(count: 3, minGapDays: 13, maxGapDays: 15)),
            (.woundCare, CareSeries(count: 6, minGapDays: 11, maxGapDays: 17)),
            (.dermatology, CareSeries(count: 3, minGapDays: 6, maxGapDays: 8)),
            (.geriatrics, CareSeries(count: 2, minGapDays: 18, maxGapDays: 24)),
        ]
        return zip(sites, plans.indices).map { site, index in
            let (specialty, series) = plans[index]
            return ConsultationRequest(
                id: ConsultationRequest.ID("R-SERIE-\(index + 1)"), siteId: site.id, patientRef: "P-SERIE-\(index + 1)",
                specialty: specialty, mode: .live, requiredEquipment: [.videoCart], durationMinutes: 30,
                urgency: .soon, releaseDate: scenario.horizon.start,
                consent: Consent(givenBy: .resident, recordedOn: scenario.horizon.start), series: series)
        }
    }

    /// The first unit's weekly stop every other week from its first date; the second unit at its
    /// nearest free town point open on Tuesday afternoons, on the first Tuesday of each month.
    static func circuits(_ units: [MobileUnit], in scenario: Scenario) -> [MobileUnit] {
        var units = units
        if var stop = units.first?.recurringStops.first,
            let anchor = scenario.horizon.days.first(where: { $0.weekday == stop.day })
        {
            stop.everyWeeks = 2
            stop.anchorDate = anchor
            units[0].recurringStops[0] = stop
        }
        if units.count > 1, units[1].operatingDays.contains(.tuesday) {
            let taken = Set(units.flatMap(\.recurringStops).map(\.siteId))
            let depot = units[1].depot.location
            let (arrival, departure) = (try! LocalTime("14:00"), try! LocalTime("16:00"))
            let open = scenario.sites.filter { site in
                site.kind == .townPoint && !taken.contains(site.id)
                    && site.openingHours.contains { $0.day == .tuesday && $0.start <= arrival && departure <= $0.end }
            }
            let nearest = open.min {
                ($0.location.greatCircleKilometres(to: depot), $0.id) < (
                    $1.location.greatCircleKilometres(to: depot), $1.id
                )
            }
            if let nearest {
                var stop = RecurringStop(day: .tuesday, siteId: nearest.id, arrival: arrival, departure: departure)
                stop.weekOfMonth = 1
                units[1].recurringStops.append(stop)
            }
        }
        return units
    }
}
