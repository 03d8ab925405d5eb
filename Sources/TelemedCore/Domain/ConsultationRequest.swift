/// A consultation asked for one resident or patient, known only by a pseudonymous reference.
public struct ConsultationRequest: Codable, Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<ConsultationRequest>

    public var id: ID
    public var siteId: Site.ID
    /// Pseudonymous patient reference; never a name or a diagnosis.
    public var patientRef: String
    public var specialty: Specialty
    public var mode: ConsultationMode
    public var requiredEquipment: [Equipment]
    public var durationMinutes: Int
    public var urgency: Urgency
    /// The day the request was made; due date = release + the urgency's delay.
    public var releaseDate: LocalDate
    /// No consultation before this day (defaults to the release date).
    public var earliestDate: LocalDate?
    /// Continuity of care: the specialist who already follows this patient.
    public var preferredSpecialistId: Specialist.ID?
    /// What the consultation takes from a unit's daily capacity (absent: 1).
    public var load: Int?
    /// The resident's consent to teleconsultation; a `live` request cannot be confirmed without it.
    public var consent: Consent?
    /// No consultation after this day (a campaign's last day); absent: the horizon's end.
    public var latestDate: LocalDate?
    /// The campaign this request screens one patient of (``Campaign``).
    public var campaignId: Campaign.ID?
    /// Its place in a care series (``CareSeries``); nil for a request that stands alone.
    public var series: CareSeries?

    public init(
        id: ID, siteId: Site.ID, patientRef: String, specialty: Specialty, mode: ConsultationMode,
        requiredEquipment: [Equipment], durationMinutes: Int, urgency: Urgency, releaseDate: LocalDate,
        earliestDate: LocalDate? = nil, preferredSpecialistId: Specialist.ID? = nil, load: Int? = nil,
        consent: Consent? = nil, latestDate: LocalDate? = nil, campaignId: Campaign.ID? = nil,
        series: CareSeries? = nil
    ) {
        self.id = id
        self.siteId = siteId
        self.patientRef = patientRef
        self.specialty = specialty
        self.mode = mode
        self.requiredEquipment = requiredEquipment
        self.durationMinutes = durationMinutes
        self.urgency = urgency
        self.releaseDate = releaseDate
        self.earliestDate = earliestDate
        self.preferredSpecialistId = preferredSpecialistId
        self.load = load
        self.consent = consent
        self.latestDate = latestDate
        self.campaignId = campaignId
        self.series = series
    }

    /// ``load`` with its default.
    public var capacityLoad: Int { load ?? 1 }

    /// Whether confirming a booking of this request waits for the resident's consent: a `live`
    /// teleconsultation with none recorded.
    public var awaitsConsent: Bool { mode == .live && consent == nil }

    /// The first day a consultation may take place.
    public var firstPossibleDate: LocalDate { max(releaseDate, earliestDate ?? releaseDate) }

    /// The day by which the request should be served under the scenario's delays; a series
    /// occurrence's is moved like its earliest date (``CareSeries``).
    public func dueDate(delays: UrgencyTable<Int>) -> LocalDate {
        releaseDate.adding(days: delays[urgency] + (series?.shiftDays ?? 0))
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ID.self, forKey: .id),
            siteId: try c.decode(Site.ID.self, forKey: .siteId),
            patientRef: try c.decode(String.self, forKey: .patientRef),
            specialty: try c.decode(Specialty.self, forKey: .specialty),
            mode: try c.decode(ConsultationMode.self, forKey: .mode),
            requiredEquipment: try c.decodeIfPresent([Equipment].self, forKey: .requiredEquipment) ?? [],
            durationMinutes: try c.decode(Int.self, forKey: .durationMinutes),
            urgency: try c.decode(Urgency.self, forKey: .urgency),
            releaseDate: try c.decode(LocalDate.self, forKey: .releaseDate),
            earliestDate: try c.decodeIfPresent(LocalDate.self, forKey: .earliestDate),
            preferredSpecialistId: try c.decodeIfPresent(Specialist.ID.self, forKey: .preferredSpecialistId),
            load: try c.decodeIfPresent(Int.self, forKey: .load),
            consent: try c.decodeIfPresent(Consent.self, forKey: .consent),
            latestDate: try c.decodeIfPresent(LocalDate.self, forKey: .latestDate),
            campaignId: try c.decodeIfPresent(Campaign.ID.self, forKey: .campaignId),
            series: try c.decodeIfPresent(CareSeries.self, forKey: .series)
        )
    }
}
