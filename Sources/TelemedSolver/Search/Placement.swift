/// Where and when one request is placed, in the problem's integer ticks.
struct Placement: Sendable, Hashable {
    /// Nil for `crew` requests: the unit's crew alone.
    var specialist: Int?
    /// The consultation (`live`) or the capture at the site (`async`).
    var start: Int
    var end: Int
    /// `async` only: when the specialist reviews.
    var review: TickInterval?
    /// The hosting unit, or nil for the site's own equipment.
    var unit: Int?
    /// Horizon day of `start`.
    var day: Int

    var siteInterval: TickInterval { TickInterval(start: start, end: end) }
    var specialistInterval: TickInterval { review ?? siteInterval }
}
