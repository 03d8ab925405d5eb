import TelemedCore
import TelemedHTML
import TelemedSolver

/// The KPIs planners read, each a French label and a formatted value: shown as cards for the plan
/// in force and as rows side by side when plans are compared.
enum PlanKPIRows {
    static var all: [(label: String, value: (PlanKPIs) -> String)] {
        [
            ("Demandes", { FrenchVocabulary.number($0.requests) }),
            ("Servies", { "\(FrenchVocabulary.number($0.served)) (\(FrenchVocabulary.percent($0.servedPercent)))" }),
        ]
            + Urgency.allCases.map { urgency in
                (
                    "Servies, \(FrenchVocabulary.urgency(urgency))",
                    { kpis in FrenchVocabulary.percent(kpis.byUrgency.first { $0.urgency == urgency }?.servedPercent) }
                )
            }
            + Urgency.allCases.map { urgency in
                (
                    "Délai médian / p90, \(FrenchVocabulary.urgency(urgency))",
                    { kpis in
                        let figures = kpis.byUrgency.first { $0.urgency == urgency }
                        return "\(FrenchVocabulary.number(figures?.waitMedianDays, places: 1)) / "
                            + "\(FrenchVocabulary.number(figures?.waitP90Days, places: 1)) j"
                    }
                )
            }
            + [
                ("En retard sur l’échéance", { FrenchVocabulary.number($0.late) }),
                ("Non placées", { FrenchVocabulary.number($0.unassigned) }),
                ("Kilomètres des unités", { "\(FrenchVocabulary.number($0.unitKilometres)) km" }),
                ("Heures de conduite", { "\(FrenchVocabulary.number($0.unitDrivingHours, places: 1)) h" }),
                (
                    "Occupation des spécialistes",
                    { FrenchVocabulary.percent($0.specialistUtilisation.ratio.map { $0 * 100 }) }
                ),
                ("Occupation des unités", { FrenchVocabulary.percent($0.unitUtilisation.ratio.map { $0 * 100 }) }),
            ]
    }
}
