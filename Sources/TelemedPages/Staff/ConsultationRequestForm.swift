import TelemedCore

/// The form "Demander une téléconsultation" as typed: strings, not parsed values, so a refused
/// form comes back exactly as the person left it, with the reason per field.
public struct ConsultationRequestForm: Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case residentReference, specialty, mode, urgency, equipment, notes, consentGivenBy, consentRecordedOn
        case seriesCount, seriesMinGapDays, seriesMaxGapDays
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
    /// A care series, all three empty for a single consultation: how many sessions, and the
    /// fewest and most days between two of them, as typed.
    public var seriesCount: String
    public var seriesMinGapDays: String
    public var seriesMaxGapDays: String
    /// Why the server refused each field, in French.
    public var errors: [Field: String]
    /// The specialties and equipment this site may ask for.
    public var specialties: [Specialty]
    public var equipmentChoices: [Equipment]

    public init(
        residentReference: String = "", specialty: String = "", mode: String = ConsultationMode.live.rawValue,
        urgency: String = Urgency.routine.rawValue, equipment: [String] = [], notes: String = "",
        consentGivenBy: String = "", consentRecordedOn: String = "", seriesCount: String = "",
        seriesMinGapDays: String = "", seriesMaxGapDays: String = "",
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
        self.seriesCount = seriesCount
        self.seriesMinGapDays = seriesMinGapDays
        self.seriesMaxGapDays = seriesMaxGapDays
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

    /// The optional series, in a fieldset of its own: empty for a single consultation.
    func seriesFields() -> [FormField] {
        [
            FormField(
                name: Field.seriesCount.rawValue, label: "Nombre de séances", control: .number(step: "1"),
                values: [seriesCount],
                hint: "Laisser vide pour une seule séance ; par exemple 6 pour une plaie revue toutes les deux semaines"
                    + " pendant trois mois.",
                error: errors[.seriesCount]),
            FormField(
                name: Field.seriesMinGapDays.rawValue, label: "Écart minimal entre deux séances (jours)",
                control: .number(step: "1"), values: [seriesMinGapDays], error: errors[.seriesMinGapDays]),
            FormField(
                name: Field.seriesMaxGapDays.rawValue, label: "Écart maximal entre deux séances (jours)",
                control: .number(step: "1"), values: [seriesMaxGapDays], error: errors[.seriesMaxGapDays]),
        ]
    }
}
