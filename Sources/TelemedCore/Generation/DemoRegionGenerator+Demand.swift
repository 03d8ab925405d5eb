/// The demand: requests per site over the horizon.
extension DemoRegionGenerator {
    static let urgencyMix: [(Urgency, Double)] = [(.urgent, 0.10), (.soon, 0.30), (.routine, 0.60)]
    /// Share of routine requests already waiting when the horizon opens (released up to two weeks before).
    static let backlogShare = 0.3
    /// Share of requests for a patient who already has another request at the same site.
    static let repeatPatientShare = 0.15

    /// Every demo request carries the resident's consent, recorded the day it was made; one in four
    /// was given by a legal representative. No random draw, so the demo's other figures stay as
    /// they were before consent existed.
    static func consent(number: Int, release: LocalDate) -> Consent {
        Consent(givenBy: number % 4 == 0 ? .representative : .resident, recordedOn: release)
    }

    /// Each site draws a Poisson number of requests (mean ∝ beds for EHPADs), released on working
    /// days across the horizon, with the specialty mix of ``SpecialtyDemand``.
    func makeRequests(sites: [Site], specialists: [Specialist]) -> [ConsultationRequest] {
        var rng = randomStream(.requests)
        let mix = SpecialtyDemand.bourgogneFrancheComte
        let specialtyChoices = mix.map { ($0, $0.share) }
        let practitioners = Dictionary(grouping: specialists.flatMap { s in s.specialties.map { ($0, s.id) } }) { $0.0 }
            .mapValues { $0.map(\.1) }
        let workingDays = horizon.days.filter { Weekday.workingDays.contains($0.weekday) }
        let scale = Double(options.weeks) / 4
        var requests: [ConsultationRequest] = []
        for (siteIndex, site) in sites.enumerated() {
            let mean =
                site.kind == .ehpad
                ? Double(site.beds ?? 60) * profile.requestsPerBedPerFourWeeks * scale
                : profile.requestsPerTownPointPerFourWeeks * scale
            var patients: [String] = []
            for _ in 0..<rng.poisson(mean: mean) {
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
                    patient = "P-" + String(rng.next() & 0xFF_FFFF_FFFF, radix: 16, uppercase: true)
                    patients.append(patient)
                }
                var preferred: Specialist.ID?
                if let candidates = practitioners[demand.specialty], rng.chance(demand.continuityShare) {
                    // The site's usual specialist for this specialty.
                    preferred = candidates[siteIndex % candidates.count]
                }
                requests.append(
                    ConsultationRequest(
                        id: ConsultationRequest.ID("R-\(fiveDigits(requests.count + 1))"),
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
                        consent: Self.consent(number: requests.count + 1, release: release)
                    ))
            }
        }
        return requests
    }

    private func fiveDigits(_ number: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, 5 - text.count)) + text
    }
}
