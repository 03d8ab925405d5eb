/// The French words every page, report, feed and the CLI's French output show for the domain's
/// vocabularies, rules and dates, in one place so a staff page, a report and a feed never name
/// one thing two ways (nor in English). Open vocabularies fall back to their raw name for values
/// this build does not know. Rules are explained in `FrenchVocabulary+Constraints.swift`.
public enum FrenchVocabulary {
    /// Capitalised, as a heading or a calendar event shows it: "Dermatologie".
    public static func specialty(_ specialty: Specialty) -> String {
        let labels: [Specialty: String] = [
            .dermatology: "Dermatologie", .woundCare: "Plaies chroniques", .cardiology: "Cardiologie",
            .psychiatry: "Psychiatrie", .geriatrics: "Gériatrie", .neurology: "Neurologie",
            .ophthalmology: "Ophtalmologie", .endocrinology: "Endocrinologie", .pulmonology: "Pneumologie",
            .dentistry: "Bucco-dentaire", .generalPractice: "Médecine générale", .screening: "Dépistage",
        ]
        return labels[specialty] ?? specialty.rawValue
    }

    /// In the middle of a sentence: "le délai médian en plaies chroniques".
    public static func specialtyInText(_ specialty: Specialty) -> String {
        self.specialty(specialty).lowercased()
    }

    public static func equipment(_ equipment: Equipment) -> String {
        let labels: [Equipment: String] = [
            .videoCart: "chariot de téléconsultation", .dermatoscope: "dermatoscope", .ecg: "ECG",
            .retinalCamera: "rétinographe", .ultrasound: "échographe", .spirometer: "spiromètre",
            .digitalStethoscope: "stéthoscope connecté", .woundCamera: "caméra plaies",
            .intraoralCamera: "caméra intrabuccale",
        ]
        return labels[equipment] ?? equipment.rawValue
    }

    public static func mode(_ mode: ConsultationMode) -> String {
        switch mode {
        case .live: "téléconsultation"
        case .async: "télé-expertise"
        case .crew: "équipage seul"
        }
    }

    /// What a campaign does: "Dépistage", "Repérage de la fragilité".
    public static func campaignKind(_ kind: Campaign.Kind) -> String {
        switch kind {
        case .screening: "Dépistage"
        case .frailty: "Repérage de la fragilité"
        }
    }

    /// As a form offers it: "Téléconsultation (en direct)".
    public static func modeChoice(_ mode: ConsultationMode) -> String {
        switch mode {
        case .live: "Téléconsultation (en direct)"
        case .async: "Télé-expertise (avis différé)"
        case .crew: "Équipage seul (dépistage, prélèvements)"
        }
    }

    /// As a form offers it: "Le résident", "Son représentant légal".
    public static func consentGiverChoice(_ giver: ConsentGiver) -> String {
        switch giver {
        case .resident: "Le résident"
        case .representative: "Son représentant légal"
        }
    }

    /// "urgent", "semi-urgent", "programmé": in a table header or a sentence.
    public static func urgency(_ urgency: Urgency) -> String {
        switch urgency {
        case .urgent: "urgent"
        case .soon: "semi-urgent"
        case .routine: "programmé"
        }
    }

    /// As a form offers it, with the delay it promises: "Urgent (sous 2 jours)".
    public static func urgencyChoice(_ urgency: Urgency) -> String {
        switch urgency {
        case .urgent: "Urgent (sous 2 jours)"
        case .soon: "Semi-urgent (sous 7 jours)"
        case .routine: "Programmé (sous 28 jours)"
        }
    }

    /// A booking's state, as a session list shows it (feminine: "une séance proposée").
    public static func status(_ status: BookingStatus) -> String {
        switch status {
        case .proposed: "proposée"
        case .confirmed: "confirmée"
        case .cancelled: "annulée"
        case .done: "réalisée"
        case .noShow: "patient absent"
        case .notHeld: "non tenue"
        case .held: "réservée pour la liste d'attente"
        }
    }

    /// An outcome as its button says it: "Réalisée", "Absent", "Non tenue".
    public static func outcomeChoice(_ outcome: SessionOutcome) -> String {
        switch outcome {
        case .done: "Réalisée"
        case .noShow: "Patient absent"
        case .notHeld: "Non tenue"
        }
    }

    /// Why a session was missed or not held, as a list offers it.
    public static func outcomeReason(_ reason: OutcomeReason) -> String {
        switch reason {
        case .residentUnavailable: "résident indisponible (hospitalisation, sortie…)"
        case .residentDeclined: "refus le jour même"
        case .specialistUnavailable: "spécialiste indisponible"
        case .unitUnavailable: "unité mobile absente"
        case .connectionFailure: "panne de connexion"
        case .equipmentFailure: "panne d’équipement"
        case .siteUnavailable: "établissement indisponible"
        }
    }

    /// Who takes part: the specialist's name, or "équipage" for crew work.
    public static func practitioner(_ specialist: Specialist?) -> String {
        specialist?.name ?? "équipage"
    }

    public static func weekday(_ weekday: Weekday) -> String {
        switch weekday {
        case .monday: "lundi"
        case .tuesday: "mardi"
        case .wednesday: "mercredi"
        case .thursday: "jeudi"
        case .friday: "vendredi"
        case .saturday: "samedi"
        case .sunday: "dimanche"
        }
    }

    static let months = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
        "novembre", "décembre",
    ]

    /// "lundi 4 janvier 2027" ("1er" for the first of a month, as French writes it).
    public static func date(_ date: LocalDate) -> String {
        "\(weekday(date.weekday)) \(date.day == 1 ? "1er" : String(date.day)) \(months[date.month - 1]) \(date.year)"
    }

    /// "26/03/2027", where a line is short (calendar descriptions).
    public static func numericDate(_ date: LocalDate) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(date.day))/\(two(date.month))/\(date.year)"
    }

    /// "9 h 30", "14 h".
    public static func time(_ time: LocalTime) -> String {
        time.minute == 0 ? "\(time.hour) h" : "\(time.hour) h \(time.minute < 10 ? "0" : "")\(time.minute)"
    }
}
