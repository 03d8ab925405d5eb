import TelemedReports

/// Two (or more) plans side by side: KPIs, the three comparison charts, and a map per plan with
/// sites coloured by their median wait and the units' routes drawn.
public struct PlanComparisonPage: Sendable {
    public var title: String
    /// The reference first.
    public var plans: [ComparedPlan]
    public var plannerHome: String
    /// The sign-out page the header links to ("Se déconnecter"); nil for none.
    public var signOutPath: String? = SignOutPage.defaultPath

    public init(title: String, plans: [ComparedPlan], plannerHome: String = "/planning") {
        self.title = title
        self.plans = plans
        self.plannerHome = plannerHome
    }

    public func render() -> String {
        let header =
            "<tr><th scope=\"col\">Indicateur</th>"
            + plans.map { "<th scope=\"col\">\(HTML.escape($0.name))</th>" }.joined() + "</tr>"
        let rows = PlanKPIRows.all.map { label, value in
            "<tr><th scope=\"row\">\(label)</th>" + plans.map { "<td class=\"number\">\(value($0.kpis))</td>" }.joined()
                + "</tr>"
        }
        let charts = PlanComparisonCharts(series: plans.map(\.chartSeries))
        let maps = plans.map { plan in
            "<figure>\(plan.map().render(width: 520, height: 460))<figcaption>\(HTML.escape(plan.name))</figcaption></figure>"
        }
        let main =
            "<section aria-labelledby=\"indicateurs\"><h2 id=\"indicateurs\">Indicateurs</h2><div class=\"table-wrap\">"
            + "<table><thead>\(header)</thead><tbody>\(rows.joined())</tbody></table></div></section>"
            + "<section aria-labelledby=\"graphiques\"><h2 id=\"graphiques\">Graphiques</h2>"
            + "<figure>\(charts.servedByUrgency())<figcaption>Part des demandes servies par urgence.</figcaption></figure>"
            + "<figure>\(charts.routineWaitsByDepartment())<figcaption>Délai médian des demandes programmées, par"
            + " département.</figcaption></figure>"
            + "<figure>\(charts.kilometres())<figcaption>Kilomètres parcourus.</figcaption></figure></section>"
            + "<section aria-labelledby=\"cartes\"><h2 id=\"cartes\">Cartes</h2><p>Chaque point est un lieu, vert"
            + " quand ses demandes passent vite, rouge quand le délai médian approche un mois, gris sans demande"
            + " servie ; les traits sont les tournées des unités (une couleur par unité), les carrés noirs leurs"
            + " bases.</p><div class=\"maps\">\(maps.joined())</div></section>"
        return PageLayout(
            title: title, navigation: [.init(label: "Planification", href: plannerHome)], main: main,
            signOut: signOutPath
        ).render()
    }
}
