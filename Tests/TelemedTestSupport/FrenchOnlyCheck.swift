import TelemedCore

/// What must never be read in a French page, report or feed: a rule's name, a raw value of the
/// domain's vocabularies, or an English word. Shared by the renderers' tests (the fixture
/// programme) and the end-to-end test on the demo region.
public enum FrenchOnlyCheck {
    /// English words that must never be read (compared ignoring case).
    public static let englishWords: Set<String> = [
        "stop", "unassigned", "rule", "rules", "minutes", "booking", "bookings", "site", "sites", "unit", "units",
        "specialist", "specialists", "request", "requests", "slot", "slots", "the", "and", "of", "with", "no", "not",
        "is", "are", "taken", "reached", "daily", "maximum", "lacks", "available", "nurse", "equipment", "depot",
        "visit", "visits", "proposed", "confirmed", "cancelled", "done", "wound", "care", "due", "crew", "schedule",
        "week", "today", "tomorrow", "map", "chart", "served", "wait", "waits", "cancel", "confirm", "reschedule",
        "leg", "travel", "home",
    ]

    /// Raw values of the domain's vocabularies and rules (compared case-sensitively), less those
    /// that are French words too.
    public static let rawValues: Set<String> = {
        let values =
            ConstraintName.allCases.map(\.rawValue) + (Specialty.builtIn + [.screening]).map(\.rawValue)
            + Equipment.builtIn.map(\.rawValue) + ConsultationMode.allCases.map(\.rawValue)
            + Urgency.allCases.map(\.rawValue) + BookingStatus.allCases.map(\.rawValue)
            + Site.Kind.allCases.map(\.rawValue) + ["siteEquipment", "unitVisit"]
        return Set(values).subtracting(["urgent", "routine", "dermatoscope"])
    }()

    /// The words of `words` that are a raw value or an English word.
    public static func foreign(_ words: [String]) -> Set<String> {
        Set(words.filter { rawValues.contains($0) || englishWords.contains($0.lowercased()) })
    }
}
