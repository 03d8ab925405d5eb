import TelemedHTML

/// Two (or more) plans side by side: KPIs, the three comparison charts, and a map per plan with
/// sites coloured by their median wait and the units' routes drawn.
public struct PlanComparisonPage: Sendable {
    public var title: String
    /// The reference first.
    public var plans: [ComparedPlan]
    /// The sign-out page the header links to ("Se déconnecter"); nil for none.
    public var signOutPath: String? = PageRoutes.signOut.path()

    public init(title: String, plans: [ComparedPlan]) {
        self.title = title
        self.plans = plans
    }

    /// What `plan-comparison-page.mustache` shows.
    private struct Context {
        struct Row {
            var label: String
            var values: [String]
        }

        struct Map {
            var name: String
            var drawing: SVGMap.Drawing?
        }

        var frame: PageFrame
        var names: [String]
        var rows: [Row]
        var charts: PlanComparisonCharts.Drawings
        var maps: [Map]
    }

    public func render() -> String {
        let context = Context(
            frame: PageFrame(
                title: title, navigation: [.init(label: "Planification", href: PageRoutes.planner.path())],
                signOut: signOutPath),
            names: plans.map(\.name),
            rows: PlanKPIRows.all.map { label, value in Context.Row(label: label, values: plans.map { value($0.kpis) })
            },
            charts: PlanComparisonCharts(series: plans.map(\.chartSeries)).drawings(),
            maps: plans.map { Context.Map(name: $0.name, drawing: $0.map().drawing(width: 520, height: 460)) })
        return PageTemplates.render(context, "plan-comparison-page")
    }
}
