/// `live`: specialist, patient and nurse at the same time by video. `async`: tele-expertise; the
/// site or a unit captures data (photos, ECG, retinal images) and the specialist reviews it later,
/// within the review delay. `crew`: the itinerant unit's crew alone (screening, sampling,
/// vaccination): always hosted by a unit, no specialist; also how imported routing benchmarks
/// (Solomon's customers) are expressed.
public enum ConsultationMode: String, ClosedVocabulary, Hashable, Sendable {
    case live, async, crew

    /// Whether a specialist takes part (at the time, or later for the review).
    public var needsSpecialist: Bool { self != .crew }
}
