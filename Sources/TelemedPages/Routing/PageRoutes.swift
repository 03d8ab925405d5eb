/// Every path of the French pages, in one table: the server registers these patterns and the
/// pages link and post to paths made from them.
public enum PageRoutes {
    /// The sign-in page (`GET`); where signed-out visitors are sent.
    public static let home = PageRoute("/")
    public static let signIn = PageRoute("/connexion")
    public static let signOut = PageRoute("/deconnexion")

    /// A site's staff page, and its forms.
    public static let site = PageRoute("/sites/{id}")
    public static let siteRequest = PageRoute("/sites/{id}/demandes")
    public static let siteConfirm = PageRoute("/sites/{id}/reservations")
    public static let siteCancel = PageRoute("/sites/{id}/reservations/{booking}/cancel")
    public static let siteReschedule = PageRoute("/sites/{id}/reservations/{booking}/reschedule")

    /// A unit crew's page.
    public static let unit = PageRoute("/unites/{id}")

    /// The planners' page, its what-if simulations and re-optimisations.
    public static let planner = PageRoute("/planification")
    public static let simulations = PageRoute("/planification/simulations")
    public static let simulation = PageRoute("/planification/simulations/{id}")
    public static let reoptimisations = PageRoute("/planification/reoptimisations")
    /// The activity report of a period (`?du=YYYY-MM-DD&au=YYYY-MM-DD`), planners and admins only.
    public static let activityReport = PageRoute("/planification/activite")

    /// Every route above.
    public static let all = [
        home, signIn, signOut, site, siteRequest, siteConfirm, siteCancel, siteReschedule, unit, planner, simulations,
        simulation, reoptimisations, activityReport,
    ]
}
