import TelemedCore

/// The form "Demander une téléconsultation" as typed: strings, not parsed values, so a refused
/// form comes back exactly as the person left it, with the reason per field.
public struct ConsultationRequestForm: Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case residentReference, specialty, mode, urgency, equipment, notes, consentGivenBy, consentRecordedOn
    }

    public var residentReference: String
    public var specialty: String
    public var mode: String
    public var urgency: String
    public var equipment: [String]
    /// Kept with the request for the staff; never written to a feed.
    public var notes: String
    /// Who consented to teleconsultation (`resident`, `representative`), or empty: not yet.
    public var consentGivenBy: String
    /// The day the consent was recorded, `YYYY-MM-DD` (the page offers today).
    public var consentRecordedOn: String
    /// Why the server refused each field, in French.
    public var errors: [Field: String]
    /// The specialties and equipment this site may ask for.
    public var specialties: [Specialty]
    public var equipmentChoices: [Equipment]

    public init(
        residentReference: String = "", specialty: String = "", mode: String = ConsultationMode.live.rawValue,
        urgency: String = Urgency.routine.rawValue, equipment: [String] = [], notes: String = "",
        consentGivenBy: String = "", consentRecordedOn: String = "",
        errors: [Field: String] = [:], specialties: [Specialty], equipmentChoices: [Equipment]
    ) {
        self.residentReference = residentReference
        self.specialty = specialty
        self.mode = mode
        self.urgency = urgency
        self.equipment = equipment
        self.notes = notes
        self.consentGivenBy = consentGivenBy
        self.consentRecordedOn = consentRecordedOn
        self.errors = errors
        self.specialties = specialties
        self.equipmentChoices = equipmentChoices
    }

    func fields() -> [FormField] {
        [
            FormField(
                name: Field.residentReference.rawValue, label: "Référence du résident", control: .text(),
                values: [residentReference], hint: "La référence pseudonyme du résident, jamais son nom.",
                error: errors[.residentReference], required: true),
            FormField(
                name: Field.specialty.rawValue, label: "Spécialité",
                control: .select(
                    [("", "Choisir une spécialité")]
                        + specialties.map { ($0.rawValue, FrenchVocabulary.specialty($0)) }),
                values: [specialty], error: errors[.specialty], required: true),
            FormField(
                name: Field.mode.rawValue, label: "Mode",
                control: .radios(
                    [ConsultationMode.live, .async].map { ($0.rawValue, FrenchVocabulary.modeChoice($0)) }),
                values: [mode], error: errors[.mode]),
            FormField(
                name: Field.urgency.rawValue, label: "Urgence",
                control: .radios(Urgency.allCases.map { ($0.rawValue, FrenchVocabulary.urgencyChoice($0)) }),
                values: [urgency], error: errors[.urgency]),
            FormField(
                name: Field.equipment.rawValue, label: "Équipement nécessaire",
                control: .checkboxes(equipmentChoices.map { ($0.rawValue, FrenchVocabulary.equipment($0)) }),
                values: equipment, error: errors[.equipment]),
            FormField(
                name: Field.notes.rawValue, label: "Notes pour l’équipe", control: .textarea, values: [notes],
                hint: "Restent dans telemed : elles ne paraissent dans aucun calendrier.", error: errors[.notes]),
            FormField(
                name: Field.consentGivenBy.rawValue, label: "Consentement à la téléconsultation donné par",
                control: .select(
                    [("", "Pas encore recueilli")]
                        + ConsentGiver.allCases.map { ($0.rawValue, FrenchVocabulary.consentGiverChoice($0)) }),
                values: [consentGivenBy],
                hint: "Sans consentement, une téléconsultation en direct peut être demandée mais pas confirmée."
                    + " Aucun nom n’est enregistré.",
                error: errors[.consentGivenBy]),
            FormField(
                name: Field.consentRecordedOn.rawValue, label: "Consentement recueilli le", control: .date,
                values: [consentRecordedOn], error: errors[.consentRecordedOn]),
        ]
    }
}
