import TelemedCore

/// `siteOpen`: the site interval lies inside one opening of the request's site
/// (``AvailabilityModel/open``). ``FitQuery`` asks it for every start it searches, the route
/// re-timing for every floating capture, ``RouteSlack`` for its bounds. A placement has no site
/// of its own: it is always at the request's site.
enum SiteOpen: InsideIntervalsRule {
    static let name = ConstraintName.siteOpen

    /// The latest start whose interval of `duration` lies inside one opening and ends by `limit`.
    static func latestStart(in open: IntervalSet, duration: Int, notAfterEnd limit: Int) -> Int? {
        open.lastFit(duration: duration, notAfterEnd: limit)
    }
}
