import TelemedCore
import TelemedSolver

/// `territories.csv`: one row per variant and territory (the region, its departments, then the
/// communes hosting a site), numbers with a dot as decimal separator, written by ``CSVText``.
public enum TerritoriesCSV {
    public static let header = [
        "variant", "level", "code", "name", "population", "sites", "requests", "served", "served_percent",
        "urgent_wait_median_days", "urgent_wait_p90_days", "soon_wait_median_days", "soon_wait_p90_days",
        "routine_wait_median_days", "routine_wait_p90_days", "urgent_within_2_days_percent", "unit_visits",
        "unit_km", "specialist_hours",
    ]

    public static func render(_ outcomes: [WhatIfOutcome]) -> String {
        var rows: [[String]] = []
        for outcome in outcomes {
            for territory in [outcome.territories.region] + outcome.territories.departments
                + outcome.territories.communes
            {
                var fields = [
                    outcome.variant.name, territory.level.rawValue, territory.code, territory.name,
                    territory.population.map(String.init) ?? "", String(territory.sites), String(territory.requests),
                    String(territory.served), number(territory.servedPercent),
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

    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return String((value * 10).rounded() / 10)
    }
}
