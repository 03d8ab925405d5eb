import TelemedCore
import TelemedSolver

/// The three charts every comparison of plans shows, one series per plan: served share by urgency,
/// routine median wait by department, kilometres driven. The what-if report and the planner's
/// comparison page draw the same ones, each through the `bar-chart` partial.
public struct PlanComparisonCharts: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var kpis: PlanKPIs
        public var departments: [TerritoryFigures]

        public init(name: String, kpis: PlanKPIs, departments: [TerritoryFigures]) {
            self.name = name
            self.kpis = kpis
            self.departments = departments
        }
    }

    public var series: [Series]

    public init(series: [Series]) {
        self.series = series
    }

    public func servedByUrgency() -> SVGBarChart.Drawing {
        let urgencies = Urgency.allCases
        return SVGBarChart(
            title: "Part des demandes servies par urgence", unit: "% servies",
            categories: urgencies.map(FrenchVocabulary.urgency),
            series: series.map { plan in
                (
                    plan.name,
                    urgencies.map { urgency in plan.kpis.byUrgency.first { $0.urgency == urgency }?.servedPercent }
                )
            }
        ).drawing()
    }

    /// Departments of the first plan, in its order.
    public func routineWaitsByDepartment() -> SVGBarChart.Drawing {
        let departments = series.first?.departments ?? []
        return SVGBarChart(
            title: "Délai médian des demandes programmées par département", unit: "jours",
            categories: departments.map(\.name),
            series: series.map { plan in
                (
                    plan.name,
                    departments.map { department in
                        plan.departments.first { $0.code == department.code }?.byUrgency
                            .first { $0.urgency == .routine }?.waitMedianDays
                    }
                )
            }
        ).drawing()
    }

    public func kilometres() -> SVGBarChart.Drawing {
        SVGBarChart(
            title: "Kilomètres parcourus par les unités mobiles", unit: "km", categories: ["unités mobiles"],
            series: series.map { ($0.name, [$0.kpis.unitKilometres]) }
        ).drawing(height: 200)
    }

    /// The three charts as `comparison-charts.mustache` draws them, in a section "Graphiques".
    public struct Drawings: Sendable {
        var servedByUrgency: SVGBarChart.Drawing
        var routineWaits: SVGBarChart.Drawing
        var kilometres: SVGBarChart.Drawing
    }

    public func drawings() -> Drawings {
        Drawings(
            servedByUrgency: servedByUrgency(), routineWaits: routineWaitsByDepartment(), kilometres: kilometres())
    }
}
