import TelemedCore
import TelemedSolver

/// `ranking.csv`: one row per candidate, best first, with where it is, why it was chosen and what
/// the solver measured; numbers with a dot as decimal separator, written by ``CSVText``. Gains
/// are "with the place − base".
public enum SitingRankingCSV {
    public static let header = [
        "rank", "insee_code", "commune", "department_code", "department", "epci_code", "epci", "population",
        "unmet_nearby", "sites_nearby", "nearest_existing_km", "added_id", "variant", "requests", "served",
        "served_within_delay", "gain_served_within_delay", "new_place_requests", "new_place_served_within_delay",
        "mean_wait_days", "gain_mean_wait_days", "unit_km", "gain_unit_km", "iterations",
    ]

    public static func render(_ suggestions: [SitingSuggestion]) -> String {
        CSVText.render(
            header: header,
            rows: suggestions.map { suggestion in
                let (candidate, figures, gain) = (suggestion.candidate, suggestion.figures, suggestion.gain)
                let commune = candidate.commune
                return [
                    String(suggestion.rank), commune.inseeCode, commune.name, commune.departmentCode,
                    commune.departmentName, commune.epciCode ?? "", commune.epciName ?? "", String(commune.population),
                    String(candidate.unmetNearby), String(candidate.sitesNearby),
                    number(candidate.nearestExistingKilometres, places: 1), candidate.addedId, candidate.variant.name,
                    String(figures.requests), String(figures.served), String(figures.servedWithinDelay),
                    String(gain.servedWithinDelay), String(figures.newPlaceRequests),
                    String(figures.newPlaceServedWithinDelay), number(figures.meanWaitDays, places: 2),
                    number(gain.meanWaitDays, places: 2), number(figures.unitKilometres, places: 1),
                    number(gain.unitKilometres, places: 1), String(suggestion.iterations),
                ]
            })
    }

    static func number(_ value: Double?, places: Int) -> String {
        guard let value, value.isFinite else { return "" }
        let scale = places == 1 ? 10.0 : 100.0
        // + 0 turns a rounded −0 into 0.
        return String((value * scale).rounded() / scale + 0)
    }
}
