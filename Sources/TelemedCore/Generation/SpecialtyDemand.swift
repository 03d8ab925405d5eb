/// How requests for one specialty look: its share of demand, how often it is live rather than
/// tele-expertise, what each mode needs, how long it takes, and how often the patient already has
/// a specialist who should keep following them.
struct SpecialtyDemand: Sendable {
    var specialty: Specialty
    var share: Double
    var liveShare: Double
    var liveEquipment: [Equipment]
    var asyncEquipment: [Equipment]
    var liveMinutes: Int
    var asyncMinutes: Int
    var continuityShare: Double

    /// In Bourgogne-Franche-Comté's EHPAD programme the first uses were tele-expertise for chronic
    /// wounds and dermatology, dental tele-expertise, geriatrics and general practice; regionally
    /// cardiology and dermatology led (DESIGN.md). Shares sum to 1.
    static let bourgogneFrancheComte: [SpecialtyDemand] = [
        SpecialtyDemand(
            specialty: .woundCare, share: 0.18, liveShare: 0.2, liveEquipment: [.videoCart, .woundCamera],
            asyncEquipment: [.woundCamera], liveMinutes: 30, asyncMinutes: 15, continuityShare: 0.5),
        SpecialtyDemand(
            specialty: .dermatology, share: 0.17, liveShare: 0.3, liveEquipment: [.videoCart, .dermatoscope],
            asyncEquipment: [.dermatoscope], liveMinutes: 20, asyncMinutes: 15, continuityShare: 0.2),
        SpecialtyDemand(
            specialty: .cardiology, share: 0.13, liveShare: 0.5, liveEquipment: [.videoCart, .ecg],
            asyncEquipment: [.ecg], liveMinutes: 30, asyncMinutes: 15, continuityShare: 0.4),
        SpecialtyDemand(
            specialty: .geriatrics, share: 0.12, liveShare: 0.9, liveEquipment: [.videoCart], asyncEquipment: [],
            liveMinutes: 30, asyncMinutes: 20, continuityShare: 0.5),
        SpecialtyDemand(
            specialty: .generalPractice, share: 0.10, liveShare: 0.95, liveEquipment: [.videoCart],
            asyncEquipment: [], liveMinutes: 20, asyncMinutes: 15, continuityShare: 0.3),
        SpecialtyDemand(
            specialty: .dentistry, share: 0.08, liveShare: 0.1, liveEquipment: [.videoCart, .intraoralCamera],
            asyncEquipment: [.intraoralCamera], liveMinutes: 20, asyncMinutes: 15, continuityShare: 0.1),
        SpecialtyDemand(
            specialty: .psychiatry, share: 0.07, liveShare: 1.0, liveEquipment: [.videoCart], asyncEquipment: [],
            liveMinutes: 45, asyncMinutes: 30, continuityShare: 0.7),
        SpecialtyDemand(
            specialty: .neurology, share: 0.05, liveShare: 0.8, liveEquipment: [.videoCart], asyncEquipment: [],
            liveMinutes: 30, asyncMinutes: 20, continuityShare: 0.3),
        SpecialtyDemand(
            specialty: .ophthalmology, share: 0.04, liveShare: 0.3, liveEquipment: [.videoCart, .retinalCamera],
            asyncEquipment: [.retinalCamera], liveMinutes: 20, asyncMinutes: 15, continuityShare: 0.1),
        SpecialtyDemand(
            specialty: .endocrinology, share: 0.03, liveShare: 0.6, liveEquipment: [.videoCart],
            asyncEquipment: [.retinalCamera], liveMinutes: 30, asyncMinutes: 15, continuityShare: 0.3),
        SpecialtyDemand(
            specialty: .pulmonology, share: 0.03, liveShare: 0.6, liveEquipment: [.videoCart],
            asyncEquipment: [.spirometer], liveMinutes: 30, asyncMinutes: 20, continuityShare: 0.3),
    ]
}
