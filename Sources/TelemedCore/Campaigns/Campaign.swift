/// A screening or frailty campaign a programme runs: "screen every resident of these EHPADs and
/// these town points between two dates". It expands into one request per expected patient
/// (``requests(sites:)``), each with a pseudonymous reference and an outcome of its own once held;
/// a unit's visit screens the patients of one site in one stop.
///
/// ```json
/// {"id": "C-RETINO-2027", "name": "Dépistage rétinopathie printemps 2027", "kind": "screening",
///  "specialty": "ophthalmology", "screeningType": "diabeticRetinopathy", "mode": "async",
///  "period": {"start": "2027-01-04", "end": "2027-01-29"},
///  "targets": [{"siteId": "E-21-0001", "patients": 15}, {"inseeCode": "58145", "patients": 20}],
///  "minutesPerPatient": 10, "equipment": ["retinograph"]}
/// ```
public struct Campaign: Codable, Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<Campaign>

    public enum Kind: String, ClosedVocabulary, Hashable {
        /// Screening of a condition (diabetic retinopathy, skin cancer…).
        case screening
        /// Identifying and following frailty.
        case frailty
    }

    /// Expected patients a target may name: a season's campaign is about 300 in all.
    public static let patientsRange = 1...2_000
    /// All targets together: a national season is a few thousand; beyond, a file or a body is
    /// hostile or mistaken, and nothing is generated (validation reports it).
    public static let maxTotalPatients = 20_000

    /// The patients all targets expect.
    public var expectedPatients: Int { targets.reduce(0) { $0 + max(0, min($1.patients, Self.maxTotalPatients + 1)) } }

    public var id: ID
    public var name: String
    public var kind: Kind
    /// Who reads an `async` capture (ophthalmology for retinal images); for `crew` work, the label
    /// of what the crew does (`screening`).
    public var specialty: Specialty
    /// What is screened, free text for reports (`diabeticRetinopathy`); never about one patient.
    public var screeningType: String?
    /// `crew` (the unit's crew alone) or `async` (captured at the stop, read later).
    public var mode: ConsultationMode
    /// First and last day of the campaign, both included: no patient is seen outside it.
    public var period: Horizon
    public var targets: [CampaignTarget]
    public var minutesPerPatient: Int
    /// What one patient takes from a hosting unit's daily capacity (absent: 1).
    public var loadPerPatient: Int?
    public var equipment: [Equipment]

    public init(
        id: ID, name: String, kind: Kind, specialty: Specialty, screeningType: String? = nil, mode: ConsultationMode,
        period: Horizon, targets: [CampaignTarget], minutesPerPatient: Int, loadPerPatient: Int? = nil,
        equipment: [Equipment] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.specialty = specialty
        self.screeningType = screeningType
        self.mode = mode
        self.period = period
        self.targets = targets
        self.minutesPerPatient = minutesPerPatient
        self.loadPerPatient = loadPerPatient
        self.equipment = equipment
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ID.self, forKey: .id),
            name: try c.decode(String.self, forKey: .name),
            kind: try c.decode(Kind.self, forKey: .kind),
            specialty: try c.decode(Specialty.self, forKey: .specialty),
            screeningType: try c.decodeIfPresent(String.self, forKey: .screeningType),
            mode: try c.decode(ConsultationMode.self, forKey: .mode),
            period: try c.decode(Horizon.self, forKey: .period),
            targets: try c.decode([CampaignTarget].self, forKey: .targets),
            minutesPerPatient: try c.decode(Int.self, forKey: .minutesPerPatient),
            loadPerPatient: try c.decodeIfPresent(Int.self, forKey: .loadPerPatient),
            equipment: try c.decodeIfPresent([Equipment].self, forKey: .equipment) ?? []
        )
    }

    /// The sites a target screens at: its site, or the town points of its commune (by id).
    public static func sites(of target: CampaignTarget, in sites: [Site]) -> [Site] {
        if let siteId = target.siteId { return sites.filter { $0.id == siteId } }
        guard let commune = target.inseeCode else { return [] }
        return sites.filter { $0.kind == .townPoint && $0.inseeCode == commune }.sorted { $0.id < $1.id }
    }

    /// One request per expected patient, target by target; a commune's patients are shared
    /// round-robin between its town points. Ids and references are `<campaign>-<site>-<n>` (`n`
    /// from 001 per site), so the same campaign always expands to the same requests. Targets whose
    /// site is unknown, or whose count is out of ``patientsRange``, expand to nothing, and so does
    /// a campaign expecting more than ``maxTotalPatients`` (validation reports them).
    public func requests(sites: [Site]) -> [ConsultationRequest] {
        guard expectedPatients <= Self.maxTotalPatients else { return [] }
        var counts: [Site.ID: Int] = [:]
        var requests: [ConsultationRequest] = []
        for target in targets {
            let places = Self.sites(of: target, in: sites)
            // Out of range, nothing is generated (validation reports it): a hostile count must not
            // allocate millions of requests before anyone has checked the file.
            guard !places.isEmpty, Self.patientsRange.contains(target.patients) else { continue }
            for patient in 0..<target.patients {
                let site = places[patient % places.count]
                let number = (counts[site.id] ?? 0) + 1
                counts[site.id] = number
                let reference = "\(id.rawValue)-\(site.id.rawValue)-\(String(zeroPadded: number, width: 3))"
                requests.append(
                    ConsultationRequest(
                        id: ConsultationRequest.ID(reference), siteId: site.id, patientRef: reference,
                        specialty: specialty, mode: mode, requiredEquipment: equipment,
                        durationMinutes: minutesPerPatient, urgency: .routine, releaseDate: period.start,
                        load: loadPerPatient, latestDate: period.end, campaignId: id))
            }
        }
        return requests
    }

}

/// Where a campaign screens and how many patients it expects there: one site, or a commune (its
/// town points).
public struct CampaignTarget: Codable, Hashable, Sendable {
    public var siteId: Site.ID?
    /// INSEE code of a commune whose town points host the screening.
    public var inseeCode: String?
    public var patients: Int

    public init(siteId: Site.ID? = nil, inseeCode: String? = nil, patients: Int) {
        self.siteId = siteId
        self.inseeCode = inseeCode
        self.patients = patients
    }
}
