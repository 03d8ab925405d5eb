import TelemedCore

/// The French words feeds show staff and specialists: TelemedCore's `FrenchVocabulary`, shared with
/// the pages, and the feed's own.
enum FrenchLabels {
    static func specialty(_ specialty: Specialty) -> String { FrenchVocabulary.specialty(specialty) }

    static func equipment(_ equipment: Equipment) -> String { FrenchVocabulary.equipment(equipment) }

    static func mode(_ mode: ConsultationMode) -> String { FrenchVocabulary.mode(mode) }

    /// Who takes part: the specialist's name, or "équipage" for crew work.
    static func practitioner(_ specialist: Specialist?) -> String {
        specialist?.name ?? "équipage"
    }
}
