/// The figures a synthetic demo region is drawn from. Counts and mixes are explained in
/// `docs/scenario-format.md` ("The demo region"): Bourgogne-Franche-Comté's are hand-made, every
/// other region's are derived from its communes (``derived(from:)``).
public struct RegionProfile: Sendable {
    public var regionCode: String
    public var regionName: String
    public var ehpadCount: Int
    public var townPointCount: Int
    /// Specialists per specialty; some practise a second one (see ``secondSpecialty``).
    public var specialists: [(Specialty, Int)]
    public var units: [UnitProfile]
    /// Expected requests per EHPAD bed over four weeks.
    public var requestsPerBedPerFourWeeks: Double
    /// Expected requests per town point over four weeks.
    public var requestsPerTownPointPerFourWeeks: Double
    /// Each department's share of the EHPADs, by department code; nil draws them over the whole
    /// region at once (Bourgogne-Franche-Comté).
    public var ehpadShareByDepartment: [String: Double]? = nil

    public struct UnitProfile: Sendable {
        public var name: String
        public var depotInseeCode: String
        public var crew: MobileUnit.Crew
        public var equipment: [Equipment]
        public var operatingDays: [Weekday]
        /// "Centre hospitalier d'Épinal"; nil writes "Centre hospitalier de" and the commune's name.
        public var depotName: String? = nil
    }

    /// Bourgogne-Franche-Comté: eight departments, 2.8 million inhabitants, several of its rural
    /// departments among France's medical deserts.
    public static let bourgogneFrancheComte = RegionProfile(
        regionCode: "27",
        regionName: "Bourgogne-Franche-Comté",
        ehpadCount: 420,
        townPointCount: 40,
        specialists: [
            (.woundCare, 7), (.dermatology, 8), (.cardiology, 8), (.geriatrics, 8), (.generalPractice, 9),
            (.dentistry, 5), (.psychiatry, 5), (.neurology, 4), (.ophthalmology, 4), (.endocrinology, 3),
            (.pulmonology, 3),
        ],
        units: [
            UnitProfile(
                name: "Unité mobile du Nivernais", depotInseeCode: "58194", crew: .nurse,
                equipment: [.videoCart, .ecg, .dermatoscope, .woundCamera, .digitalStethoscope],
                operatingDays: Weekday.workingDays),
            UnitProfile(
                name: "Unité mobile de l'Avallonnais", depotInseeCode: "89025", crew: .nurse,
                equipment: [.videoCart, .ecg, .woundCamera, .spirometer, .intraoralCamera],
                operatingDays: Weekday.workingDays),
            UnitProfile(
                name: "Unité mobile du Morvan-Autunois", depotInseeCode: "71014", crew: .nurse,
                equipment: [.videoCart, .ecg, .dermatoscope, .digitalStethoscope, .ultrasound],
                operatingDays: [.monday, .tuesday, .wednesday, .thursday]),
            UnitProfile(
                name: "Camion d'ophtalmologie du Jura", depotInseeCode: "39300", crew: .orthoptist,
                equipment: [.videoCart, .retinalCamera],
                operatingDays: Weekday.workingDays),
            UnitProfile(
                name: "Unité mobile du Haut-Doubs", depotInseeCode: "25462", crew: .nurse,
                equipment: [.videoCart, .ecg, .dermatoscope, .woundCamera, .spirometer],
                operatingDays: [.tuesday, .wednesday, .thursday, .friday]),
            UnitProfile(
                name: "Unité mobile de Haute-Saône", depotInseeCode: "70550", crew: .nurse,
                equipment: [.videoCart, .ecg, .retinalCamera, .woundCamera, .intraoralCamera],
                operatingDays: Weekday.workingDays),
            UnitProfile(
                name: "Unité mobile de l'Auxois", depotInseeCode: "21603", crew: .nurse,
                equipment: [.videoCart, .ecg, .dermatoscope, .woundCamera, .intraoralCamera],
                operatingDays: Weekday.workingDays),
            UnitProfile(
                name: "Unité mobile du Nord Franche-Comté", depotInseeCode: "90010", crew: .nurse,
                equipment: [.videoCart, .ecg, .woundCamera, .retinalCamera, .spirometer],
                operatingDays: [.monday, .tuesday, .wednesday, .thursday]),
        ],
        requestsPerBedPerFourWeeks: 0.035,
        requestsPerTownPointPerFourWeeks: 7
    )

    /// The profile of a metropolitan region from its shipped communes; an overseas or unknown code
    /// is refused with the reason.
    public static func shipped(region: String) throws(GenerationError) -> RegionProfile {
        profile(for: try CommuneCatalog.shipped(region: region))
    }

    /// Bourgogne-Franche-Comté's hand-made profile for its catalog, a derived one for any other.
    public static func profile(for catalog: CommuneCatalog) -> RegionProfile {
        catalog.regionCode == bourgogneFrancheComte.regionCode ? bourgogneFrancheComte : derived(from: catalog)
    }
}

extension Equipment {
    /// Intra-oral camera for dental tele-expertise: an example of the open equipment list.
    public static let intraoralCamera: Equipment = "intraoralCamera"
}
