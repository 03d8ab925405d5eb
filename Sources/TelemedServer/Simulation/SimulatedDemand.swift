import TelemedCore

/// The requests a simulated day brings: the region's own rate and mix, taken from the requests
/// its generator made (specialty, urgency, mode, equipment, duration, site, preferred
/// specialist), drawn again with a seeded stream for each new day. The rate is the template's per
/// weekday, so weekends stay quiet as they were generated.
struct SimulatedDemand: Sendable {
    private let byWeekday: [Weekday: [ConsultationRequest]]
    private let weeks: Double
    private let scale: Double

    /// `template`: a scenario whose requests show the rate and mix (the demo region's four weeks);
    /// `scale` multiplies the rate (1: the region's own).
    init(template: Scenario, scale: Double = 1) {
        byWeekday = Dictionary(grouping: template.requests, by: \.releaseDate.weekday)
        weeks = max(1, Double(template.horizon.start.days(to: template.horizon.end) + 1) / 7)
        self.scale = scale
    }

    /// The mean number of requests made on a `weekday`.
    func rate(on weekday: Weekday) -> Double {
        Double(byWeekday[weekday]?.count ?? 0) / weeks * scale
    }

    /// The day's requests as staff would type them, in arrival order: how many is a Poisson draw
    /// around the weekday's rate; each copies a template request of that weekday (another patient).
    func requests(on date: LocalDate, using random: inout SeededRandomNumberGenerator) -> [ConsultationRequestBody] {
        guard let pool = byWeekday[date.weekday], !pool.isEmpty else { return [] }
        let count = random.poisson(mean: rate(on: date.weekday))
        return (0..<count).map { index in
            let model = pool[random.int(below: pool.count)]
            return ConsultationRequestBody(
                siteId: model.siteId, patientRef: "SIM-\(date)-\(index + 1)", specialty: model.specialty,
                mode: model.mode, urgency: model.urgency, requiredEquipment: model.requiredEquipment,
                durationMinutes: model.durationMinutes, releaseDate: nil, earliestDate: nil,
                preferredSpecialistId: model.preferredSpecialistId, notes: nil,
                consent: model.consent.map { Consent(givenBy: $0.givenBy, recordedOn: date) })
        }
    }
}
