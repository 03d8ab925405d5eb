import TelemedCore
import TelemedSolver

/// `study.json` of a siting search: a plain what-if study whose variants are the best
/// suggestions, each the very change the search solved, so `telemed whatif study.json` with the
/// same seed and iterations solves the same scenarios and finds the same figures. Each variant's
/// French description says its rank and gain, which the what-if report shows under "Ce qui
/// change".
public enum SitingStudy {
    public static func make(
        suggestions: [SitingSuggestion], count: Int, criteria: SitingCriteria, base: String
    ) -> WhatIfStudy {
        let best = suggestions.prefix(count)
        let what =
            criteria.kind == .townPoint ? "Où ouvrir un point de consultation ?" : "Où baser une unité mobile de plus ?"
        return WhatIfStudy(
            name: "\(what) Les \(best.count) meilleures communes sur \(suggestions.count) candidates",
            base: base,
            variants: best.map { suggestion in
                var variant = suggestion.candidate.variant
                variant.description = description(of: suggestion, among: suggestions.count, criteria: criteria)
                return variant
            })
    }

    /// "Classée 1re sur 20 communes candidates : +6 demandes servies dans leur délai (dont 5 au
    /// nouveau point), délai moyen −0,3 jour, +120 km pour les unités. Candidate parce que 14
    /// demandes n’étaient pas servies dans leur délai à moins de 30 minutes (6 lieux)."
    static func description(of suggestion: SitingSuggestion, among total: Int, criteria: SitingCriteria) -> String {
        let gain = suggestion.gain
        let figures = suggestion.figures
        var parts = [
            "\(FrenchVocabulary.signed(Double(gain.servedWithinDelay))) demandes servies dans leur délai"
                + (criteria.kind == .townPoint
                    ? " (dont \(FrenchVocabulary.number(figures.newPlaceServedWithinDelay)) sur les "
                        + "\(FrenchVocabulary.number(figures.newPlaceRequests)) du nouveau point)" : "")
        ]
        if let wait = gain.meanWaitDays {
            parts.append("délai moyen \(FrenchVocabulary.signed(wait, places: 2)) jour")
        }
        parts.append("\(FrenchVocabulary.signed(gain.unitKilometres)) km pour les unités")
        let candidate = suggestion.candidate
        return "Classée \(ordinal(suggestion.rank)) sur \(total) communes candidates : "
            + parts.joined(separator: ", ") + ". \(candidate.commune.name), "
            + "\(FrenchVocabulary.number(candidate.commune.population)) habitants, "
            + "\(candidate.commune.departmentName) ; candidate parce que "
            + "\(FrenchVocabulary.number(candidate.unmetNearby)) demandes n’étaient pas servies dans leur délai "
            + "à moins de \(FrenchVocabulary.number(criteria.radiusMinutes)) minutes "
            + "(\(FrenchVocabulary.number(candidate.sitesNearby)) lieux)."
    }

    /// "1re", "2e"…
    static func ordinal(_ rank: Int) -> String { rank == 1 ? "1re" : "\(rank)e" }
}
