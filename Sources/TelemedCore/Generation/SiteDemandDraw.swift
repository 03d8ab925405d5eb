/// How the requests of one site are drawn: the generator's demand, shared with the what-if
/// `addSite`, so a site added to a scenario asks for care the way the demo's own sites do.
///
/// Each request: a specialty from ``SpecialtyDemand``'s mix, live or tele-expertise, an urgency
/// (10 % urgent, 30 % soon, 60 % routine), a release on a working day of the horizon (30 % of the
/// routine ones already waiting, released up to two weeks before), one routine request in ten with
/// an earliest date, one in seven for a patient the site already asked for, and continuity of care
/// with the site's usual specialist of the specialty.
struct SiteDemandDraw: Sendable {
    static let urgencyMix: [(Urgency, Double)] = [(.urgent, 0.10), (.soon, 0.30), (.routine, 0.60)]
    /// Share of routine requests already waiting when the horizon opens (released up to two weeks before).
    static let backlogShare = 0.3
    /// Share of requests for a patient who already has another request at the same site.
    static let repeatPatientShare = 0.15

    let horizon: Horizon
    private let specialtyChoices: [(SpecialtyDemand, Double)]
    /// Specialists of each specialty, in the scenario's order.
    private let practitioners: [Specialty: [Specialist.ID]]
    private let workingDays: [LocalDate]

    init(horizon: Horizon, specialists: [Specialist]) {
        self.horizon = horizon
        specialtyChoices = SpecialtyDemand.bourgogneFrancheComte.map { ($0, $0.share) }
        practitioners = Dictionary(grouping: specialists.flatMap { s in s.specialties.map { ($0, s.id) } }) { $0.0 }
            .mapValues { $0.map(\.1) }
        workingDays = horizon.days.filter { Weekday.workingDays.contains($0.weekday) }
    }

    /// Every demo request carries the resident's consent, recorded the day it was made; one in four
    /// was given by a legal representative. No random draw, so the demo's other figures stay as
    /// they were before consent existed.
    static func consent(number: Int, release: LocalDate) -> Consent {
        Consent(givenBy: number % 4 == 0 ? .representative : .resident, recordedOn: release)
    }

    /// `count` requests at `site`, the `siteIndex`-th site of the scenario (which picks its usual
    /// specialists). `number` gives each request's running number (its id and consent come from
    /// it); a drawn patient reference found in `takenPatients` is drawn again.
    func requests(
        count: Int, at site: Site, siteIndex: Int, takenPatients: Set<String> = [],
        id: (_ number: Int) -> ConsultationRequest.ID, firstNumber: Int, random rng: inout SeededRandomNumberGenerator
    ) -> [ConsultationRequest] {
        var patients: [String] = []
        var requests: [ConsultationRequest] = []
        for offset in 0..<count {
            let number = firstNumber + offset
            let demand = rng.pick(specialtyChoices)
            let mode: ConsultationMode = rng.chance(demand.liveShare) ? .live : .async
            let urgency = rng.pick(Self.urgencyMix)
            var release = workingDays[rng.int(below: workingDays.count)]
            if urgency == .routine && rng.chance(Self.backlogShare) {
                release = horizon.start.adding(days: -1 - rng.int(below: 14))
            }
            // A follow-up that should not happen before a given day (inside the horizon).
            var earliest: LocalDate?
            if urgency == .routine && rng.chance(0.1) {
                let candidate = release.adding(days: 3 + rng.int(below: 8))
                earliest = candidate > horizon.start && candidate <= horizon.end ? candidate : nil
            }
            let patient: String
            if !patients.isEmpty && rng.chance(Self.repeatPatientShare) {
                patient = SyntheticNames.element(patients, &rng)
            } else {
                var drawn: String
                repeat {
                    drawn = "P-" + String(rng.next() & 0xFF_FFFF_FFFF, radix: 16, uppercase: true)
                } while takenPatients.contains(drawn)
                patient = drawn
                patients.append(patient)
            }
            var preferred: Specialist.ID?
            if let candidates = practitioners[demand.specialty], rng.chance(demand.continuityShare) {
                // The site's usual specialist for this specialty.
                preferred = candidates[siteIndex % candidates.count]
            }
            requests.append(
                ConsultationRequest(
                    id: id(number),
                    siteId: site.id,
                    patientRef: patient,
                    specialty: demand.specialty,
                    mode: mode,
                    requiredEquipment: mode == .live ? demand.liveEquipment : demand.asyncEquipment,
                    durationMinutes: mode == .live ? demand.liveMinutes : demand.asyncMinutes,
                    urgency: urgency,
                    releaseDate: release,
                    earliestDate: earliest,
                    preferredSpecialistId: preferred,
                    consent: Self.consent(number: number, release: release)
                ))
        }
        return requests
    }
}
