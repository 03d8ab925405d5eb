import TelemedCore

/// The French words feeds show staff and specialists. Open vocabularies fall back to their raw
/// name for values this build does not know.
enum FrenchLabels {
    static func specialty(_ specialty: Specialty) -> String {
        let labels: [Specialty: String] = [
            .dermatology: "Dermatologie", .woundCare: "Plaies chroniques", .cardiology: "Cardiologie",
            .psychiatry: "Psychiatrie", .geriatrics: "Gériatrie", .neurology: "Neurologie",
            .ophthalmology: "Ophtalmologie", .endocrinology: "Endocrinologie", .pulmonology: "Pneumologie",
            .dentistry: "Bucco-dentaire", .generalPractice: "Médecine générale", .screening: "Dépistage",
        ]
        return labels[specialty] ?? specialty.rawValue
    }

    static func equipment(_ equipment: Equipment) -> String {
        let labels: [Equipment: String] = [
            .videoCart: "chariot de téléconsultation", .dermatoscope: "dermatoscope", .ecg: "ECG",
            .retinalCamera: "rétinographe", .ultrasound: "échographe", .spirometer: "spiromètre",
            .digitalStethoscope: "stéthoscope connecté", .woundCamera: "caméra plaies",
            .intraoralCamera: "caméra intrabuccale",
        ]
        return labels[equipment] ?? equipment.rawValue
    }

    static func mode(_ mode: ConsultationMode) -> String {
        switch mode {
        case .live: "téléconsultation"
        case .async: "télé-expertise"
        case .crew: "équipage seul"
        }
    }

    /// Who takes part: the specialist's name, or "équipage" for crew work.
    static func practitioner(_ specialist: Specialist?) -> String {
        specialist?.name ?? "équipage"
    }
}
