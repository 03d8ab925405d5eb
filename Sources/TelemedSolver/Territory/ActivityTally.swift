import TelemedCore

/// What a plan did at some sites: counted once per site, then summed into every territory the site
/// lies in, so a region of thousands of communes costs one pass over the requests.
struct ActivityTally {
    var sites = 0
    var requests: [Urgency: Int] = [:]
    var served: [Urgency: Int] = [:]
    var late: [Urgency: Int] = [:]
    var waits: [Urgency: [Int]] = [:]
    var withinDelay = 0
    var urgentWithinTwoDays = 0
    var specialistMinutes = 0.0
    var unitVisits = 0
    var unitKilometres = 0.0

    var requestCount: Int { requests.values.reduce(0, +) }
    var servedCount: Int { served.values.reduce(0, +) }

    /// One request: its booking when the plan serves it.
    mutating func add(_ request: ConsultationRequest, booking: Booking?, delays: UrgencyTable<Int>) {
        requests[request.urgency, default: 0] += 1
        guard let booking else { return }
        let date = WallClock.paris.localDate(of: booking.start)
        let wait = request.releaseDate.days(to: date)
        served[request.urgency, default: 0] += 1
        waits[request.urgency, default: []].append(wait)
        if date > request.dueDate(delays: delays) { late[request.urgency, default: 0] += 1 } else { withinDelay += 1 }
        if request.urgency == .urgent, wait <= 2 { urgentWithinTwoDays += 1 }
        if booking.specialistId != nil {
            specialistMinutes +=
                (request.mode == .async ? booking.review ?? booking.interval : booking.interval).duration / 60
        }
    }

    static func += (total: inout ActivityTally, part: ActivityTally) {
        total.sites += part.sites
        total.requests.merge(part.requests, uniquingKeysWith: +)
        total.served.merge(part.served, uniquingKeysWith: +)
        total.late.merge(part.late, uniquingKeysWith: +)
        total.waits.merge(part.waits, uniquingKeysWith: +)
        total.withinDelay += part.withinDelay
        total.urgentWithinTwoDays += part.urgentWithinTwoDays
        total.specialistMinutes += part.specialistMinutes
        total.unitVisits += part.unitVisits
        total.unitKilometres += part.unitKilometres
    }
}

/// Inhabitants of some communes and how many of them live near a used consultation point.
struct PopulationTally {
    var communes = 0
    var population = 0
    var within30Minutes = 0
    var within45Minutes = 0

    /// `minutes` to the nearest used point, nil beyond ``Catchment/horizonMinutes``.
    mutating func add(population inhabitants: Int, minutes: Double?) {
        communes += 1
        population += inhabitants
        guard let minutes else { return }
        if minutes <= 30 { within30Minutes += inhabitants }
        if minutes <= 45 { within45Minutes += inhabitants }
    }

    static func += (total: inout PopulationTally, part: PopulationTally) {
        total.communes += part.communes
        total.population += part.population
        total.within30Minutes += part.within30Minutes
        total.within45Minutes += part.within45Minutes
    }
}

extension TerritoryFigures {
    /// The figures of a territory from its sites' activity and its communes' inhabitants.
    init(
        level: Level, code: String, name: String, zoneKind: ZoneKind? = nil, activity: ActivityTally,
        people: PopulationTally
    ) {
        let requests = activity.requestCount
        let served = activity.servedCount
        let population = people.communes == 0 ? nil : people.population
        let allWaits = Urgency.allCases.flatMap { activity.waits[$0] ?? [] }.sorted()
        let urgent = activity.requests[.urgent] ?? 0
        self.init(
            level: level, code: code, name: name, zoneKind: zoneKind, population: population,
            populationWithin30Minutes: population == nil ? nil : people.within30Minutes,
            populationWithin45Minutes: population == nil ? nil : people.within45Minutes,
            sites: activity.sites, requests: requests, served: served,
            servedPercent: requests == 0 ? nil : 100 * Double(served) / Double(requests),
            servedWithinDelayPercent: requests == 0 ? nil : 100 * Double(activity.withinDelay) / Double(requests),
            consultationsPerThousand: population.flatMap { $0 > 0 ? 1_000 * Double(served) / Double($0) : nil },
            waitMedianDays: UrgencyKPIs.percentile(0.5, ofSorted: allWaits),
            waitP90Days: UrgencyKPIs.percentile(0.9, ofSorted: allWaits),
            byUrgency: Urgency.allCases.map { urgency in
                UrgencyKPIs(
                    urgency: urgency, requests: activity.requests[urgency] ?? 0,
                    served: activity.served[urgency] ?? 0, waits: activity.waits[urgency] ?? [],
                    late: activity.late[urgency] ?? 0)
            },
            urgentWithinTwoDaysPercent: urgent == 0 ? nil : 100 * Double(activity.urgentWithinTwoDays) / Double(urgent),
            unitVisits: activity.unitVisits, unitKilometres: (activity.unitKilometres * 10).rounded() / 10,
            specialistHours: (activity.specialistMinutes / 60 * 10).rounded() / 10)
    }
}
