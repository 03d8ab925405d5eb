/// The French words every page, report and feed shows for the domain's vocabularies and dates,
/// in one place so a staff page and a feed never name one thing two ways. Open vocabularies fall
/// back to their raw name for values this build does not know.
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

    /// "9 h 30", "14 h".
    public static func time(_ time: LocalTime) -> String {
        time.minute == 0 ? "\(time.hour) h" : "\(time.hour) h \(time.minute < 10 ? "0" : "")\(time.minute)"
    }
}
