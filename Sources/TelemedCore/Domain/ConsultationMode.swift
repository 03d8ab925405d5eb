/// `live`: specialist, patient and nurse at the same time by video. `async`: tele-expertise; the
/// site or a unit captures data (photos, ECG, retinal images) and the specialist reviews it later,
/// within the review delay.
public enum ConsultationMode: String, ClosedVocabulary, Hashable, Sendable {
    case live, async
}
