import TelemedCore
import TelemedHTML
import TelemedSolver

/// The KPIs planners read, each a French label and a formatted value: shown as cards for the plan
/// in force and as rows side by side when plans are compared.
enum PlanKPIRows {
    static var all: [(label: String, value: (PlanKPIs) -> String)] {
        [
            ("Demandes", { French.number($0.requests) }),
            ("Servies", { "\(French.number($0.served)) (\(French.percent($0.servedPercent)))" }),
        ]
            + Urgency.allCases.map { urgency in
                (
                    "Servies, \(FrenchVocabulary.urgency(urgency))",
                    { kpis in French.percent(kpis.byUrgency.first { $0.urgency == urgency }?.servedPercent) }
                )
            }
            + Urgency.allCases.map { urgency in
                (
                    "Délai médian / p90, \(FrenchVocabulary.urgency(urgency))",
                    { kpis in
                        let figures = kpis.byUrgency.first { $0.urgency == urgency }
                        return "\(French.number(figures?.waitMedianDays, places: 1)) / "
                            + "\(French.number(figures?.waitP90Days, places: 1)) j"
                    }
                )
            }
            + [
                ("En retard sur l’échéance", { French.number($0.late) }),
                ("Non placées", { French.number($0.unassigned) }),
                ("Kilomètres des unités", { "\(French.number($0.unitKilometres)) km" }),
                ("Heures de conduite", { "\(French.number($0.unitDrivingHours, places: 1)) h" }),
                ("Occupation des spécialistes", { French.percent($0.specialistUtilisation.ratio.map { $0 * 100 }) }),
                ("Occupation des unités", { French.percent($0.unitUtilisation.ratio.map { $0 * 100 }) }),
            ]
    }
}
