/// What one new place changes against the base plan, each figure "variant − base".
///
/// Candidates are ordered lexicographically: more requests served within their delay first;
/// then the shorter mean wait (to the hundredth of a day); then fewer unit kilometres (to the
/// tenth of a kilometre); then the INSEE code, so the order never depends on the machine. Waits
/// and kilometres only separate candidates that serve as many requests within their delay.
public struct SitingGain: Codable, Hashable, Sendable {
    /// Requests served within their delay, more (positive) or fewer.
    public var servedWithinDelay: Int
    /// Mean wait of the served requests, in days: negative when shorter; nil when either plan
    /// serves none.
    public var meanWaitDays: Double?
    /// Units' kilometres: negative when they drive less.
    public var unitKilometres: Double

    public init(servedWithinDelay: Int, meanWaitDays: Double?, unitKilometres: Double) {
        self.servedWithinDelay = servedWithinDelay
        self.meanWaitDays = meanWaitDays
        self.unitKilometres = unitKilometres
    }

    public init(variant: SitingFigures, base: SitingFigures) {
        servedWithinDelay = variant.servedWithinDelay - base.servedWithinDelay
        meanWaitDays = variant.meanWaitDays.flatMap { after in base.meanWaitDays.map { after - $0 } }
        unitKilometres = variant.unitKilometres - base.unitKilometres
    }

    /// Whether `self` ranks before `other` (their INSEE codes break exact ties, outside).
    public func ranksBefore(_ other: SitingGain) -> Bool? {
        if servedWithinDelay != other.servedWithinDelay { return servedWithinDelay > other.servedWithinDelay }
        let (wait, otherWait) = (Self.hundredths(meanWaitDays), Self.hundredths(other.meanWaitDays))
        if wait != otherWait { return wait < otherWait }
        let (km, otherKm) = ((unitKilometres * 10).rounded(), (other.unitKilometres * 10).rounded())
        if km != otherKm { return km < otherKm }
        return nil
    }

    /// A missing wait (nothing served) ranks last.
    private static func hundredths(_ days: Double?) -> Double { days.map { ($0 * 100).rounded() } ?? .infinity }
}

/// One candidate solved and ranked.
public struct SitingSuggestion: Codable, Hashable, Sendable {
    /// 1 for the best.
    public var rank: Int
    public var candidate: SitingCandidate
    /// The figures of the plan with the place added.
    public var figures: SitingFigures
    public var gain: SitingGain
    /// Iterations the candidate's search ran.
    public var iterations: Int

    public init(rank: Int, candidate: SitingCandidate, figures: SitingFigures, gain: SitingGain, iterations: Int) {
        self.rank = rank
        self.candidate = candidate
        self.figures = figures
        self.gain = gain
        self.iterations = iterations
    }

    /// The candidates ranked best first. `solved[i]` is `candidates[i]` solved.
    public static func rank(
        _ candidates: [SitingCandidate], solved: [SolvedVariant], base: SitingFigures
    ) -> [SitingSuggestion] {
        let unranked = zip(candidates, solved).map { candidate, variant in
            let figures = SitingFigures(
                scenario: variant.scenario, plan: variant.plan, kpis: variant.kpis,
                newSite: candidate.variant.changes.contains { if case .addSite = $0 { true } else { false } }
                    ? .init(candidate.addedId) : nil)
            return SitingSuggestion(
                rank: 0, candidate: candidate, figures: figures, gain: SitingGain(variant: figures, base: base),
                iterations: variant.iterations)
        }
        let sorted = unranked.sorted { a, b in
            a.gain.ranksBefore(b.gain) ?? (a.candidate.commune.inseeCode < b.candidate.commune.inseeCode)
        }
        return sorted.enumerated().map { index, suggestion in
            var ranked = suggestion
            ranked.rank = index + 1
            return ranked
        }
    }
}
