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
    /// What became of a session (`outcome`, `reason`), from the staff page.
    public static let siteOutcome = PageRoute("/sites/{id}/reservations/{booking}/issue")
    /// The waiting list: the request just asked for put on it, an offered slot declined, a request
    /// taken off.
    public static let siteWaitlistJoin = PageRoute("/sites/{id}/demandes/{request}/attente")
    public static let siteWaitlistDecline = PageRoute("/sites/{id}/attente/{request}/refus")
    public static let siteWaitlistWithdraw = PageRoute("/sites/{id}/attente/{request}/retrait")

    /// A unit crew's page, and the residents seen (or not) at a stop.
    public static let unit = PageRoute("/unites/{id}")
    public static let unitStopOutcomes = PageRoute("/unites/{id}/arrets/{date}/{stop}/issues")

    /// A specialist's page of sessions, and the outcome of one.
    public static let specialist = PageRoute("/specialistes/{id}")
    public static let specialistOutcome = PageRoute("/specialistes/{id}/seances/{booking}/issue")

    /// The planners' page, its what-if simulations and re-optimisations.
    public static let planner = PageRoute("/planification")
    public static let simulations = PageRoute("/planification/simulations")
    public static let simulation = PageRoute("/planification/simulations/{id}")
    public static let reoptimisations = PageRoute("/planification/reoptimisations")
    public static let campaigns = PageRoute("/planification/campagnes")
    /// The activity report of a period (`?du=YYYY-MM-DD&au=YYYY-MM-DD`), planners and admins only.
    public static let activityReport = PageRoute("/planification/activite")

    /// Every route above.
    public static let all = [
        home, signIn, signOut, site, siteRequest, siteConfirm, siteCancel, siteReschedule, siteOutcome,
        siteWaitlistJoin, siteWaitlistDecline, siteWaitlistWithdraw, unit,
        unitStopOutcomes, specialist, specialistOutcome, planner, simulations, simulation, reoptimisations,
        campaigns, activityReport,
    ]
}
