import TelemedCore
import TelemedSolver

/// `territories.csv`: one row per variant and territory, at every level (the region, its
/// departments, intercommunalities, the scenario's zones, then every commune), numbers with a dot
/// as decimal separator, written by ``CSVText``. `zone_kind` is filled on zone rows only.
public enum TerritoriesCSV {
    public static let header = [
        "variant", "level", "code", "name", "zone_kind", "population", "population_within_30_min",
        "population_within_30_min_percent", "population_within_45_min", "population_within_45_min_percent", "sites",
        "requests", "served", "served_percent", "served_within_delay_percent", "consultations_per_1000",
        "wait_median_days", "wait_p90_days", "urgent_wait_median_days", "urgent_wait_p90_days",
        "soon_wait_median_days", "soon_wait_p90_days", "routine_wait_median_days", "routine_wait_p90_days",
        "urgent_within_2_days_percent", "unit_visits", "unit_km", "specialist_hours",
    ]

    public static func render(_ outcomes: [WhatIfOutcome]) -> String {
        var rows: [[String]] = []
        for outcome in outcomes {
            for territory in outcome.territories.all {
                var fields = [
                    outcome.variant.name, territory.level.rawValue, territory.code, territory.name,
                    territory.zoneKind?.rawValue ?? "", integer(territory.population),
                    integer(territory.populationWithin30Minutes), number(territory.within30MinutesPercent),
                    integer(territory.populationWithin45Minutes), number(territory.within45MinutesPercent),
                    String(territory.sites), String(territory.requests), String(territory.served),
                    number(territory.servedPercent), number(territory.servedWithinDelayPercent),
                    number(territory.consultationsPerThousand, places: 2), number(territory.waitMedianDays),
                    number(territory.waitP90Days),
                ]
                for urgency in territory.byUrgency {
                    fields += [number(urgency.waitMedianDays), number(urgency.waitP90Days)]
                }
                fields += [
                    number(territory.urgentWithinTwoDaysPercent), String(territory.unitVisits),
                    number(territory.unitKilometres), number(territory.specialistHours),
                ]
                rows.append(fields)
            }
        }
        return CSVText.render(header: header, rows: rows)
    }

    static func integer(_ value: Int?) -> String { value.map(String.init) ?? "" }

    static func number(_ value: Double?, places: Int = 1) -> String {
        guard let value else { return "" }
        let scale = places == 1 ? 10.0 : 100.0
        return String((value * scale).rounded() / scale)
    }
}
