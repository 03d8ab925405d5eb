/// The resident's consent to teleconsultation, as the site recorded it: who gave it and on which
/// day. Never a name: only whether the resident or their legal representative consented.
///
/// A `live` teleconsultation cannot be confirmed without it (the store refuses the confirmation);
/// `async` tele-expertise and `crew` sessions do not ask for it here.
///
/// ```json
/// "consent": {"givenBy": "representative", "recordedOn": "2027-01-04"}
/// ```
public struct Consent: Codable, Hashable, Sendable {
    public var givenBy: ConsentGiver
    /// The day the site recorded the consent.
    public var recordedOn: LocalDate

    public init(givenBy: ConsentGiver, recordedOn: LocalDate) {
        self.givenBy = givenBy
        self.recordedOn = recordedOn
    }
}

/// Who gave the consent: the resident, or their legal representative (a guardian, a person of
/// trust) when the resident cannot.
public enum ConsentGiver: String, ClosedVocabulary, Hashable, Sendable {
    case resident, representative
}
