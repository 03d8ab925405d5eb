import TelemedCore

/// The one-click forms that record what became of a session, shared by the staff, crew and
/// specialist pages: "Réalisée", "Patient absent", and "Non tenue" with an optional reason. Each
/// posts `outcome` (and `reason`) to the page's outcome route under the CSRF form name ``formName``.
public enum OutcomeForms {
    /// The CSRF form name of every outcome form.
    public static let formName = "issue"

    /// The buttons for one session; `who` names it for screen readers ("P-0042, lundi 4 janvier").
    static func forms(action: String, protection: FormProtection, who: String, idPrefix: String) -> [FormView] {
        [
            FormView(
                name: formName, action: action, protection: protection,
                hidden: [("outcome", SessionOutcome.done.rawValue)], submit: FrenchVocabulary.outcomeChoice(.done),
                submitLabel: "\(FrenchVocabulary.outcomeChoice(.done)) : séance de \(who)"),
            FormView(
                name: formName, action: action, protection: protection,
                hidden: [("outcome", SessionOutcome.noShow.rawValue)],
                submit: FrenchVocabulary.outcomeChoice(.noShow), submitClass: "secondary",
                submitLabel: "\(FrenchVocabulary.outcomeChoice(.noShow)) : séance de \(who)"),
            FormView(
                name: formName, action: action, protection: protection,
                hidden: [("outcome", SessionOutcome.notHeld.rawValue)],
                groups: [.init(fields: [reasonField(for: .notHeld, idPrefix: idPrefix)])],
                submit: FrenchVocabulary.outcomeChoice(.notHeld), submitClass: "danger",
                submitLabel: "\(FrenchVocabulary.outcomeChoice(.notHeld)) : séance de \(who)"),
        ]
    }

    /// The reasons of `outcome`, none chosen by default.
    static func reasonField(for outcome: SessionOutcome, idPrefix: String) -> FormField {
        FormField(
            name: "reason", label: "Motif",
            control: .select(
                [("", "non précisé")] + outcome.reasons.map { ($0.rawValue, FrenchVocabulary.outcomeReason($0)) }),
            idPrefix: idPrefix)
    }

    /// How a recorded outcome reads in a list: "non tenue (panne de connexion)".
    public static func status(_ status: BookingStatus, reason: OutcomeReason?) -> String {
        FrenchVocabulary.status(status) + (reason.map { " (\(FrenchVocabulary.outcomeReason($0)))" } ?? "")
    }
}
