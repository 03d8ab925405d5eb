import TelemedCore

/// The body of `POST /api/v1/bookings`.
struct BookingRequestBody: Codable, Sendable {
    var proposalId: String
}

/// `POST /api/v1/bookings/{id}/outcome`: what became of the session, why when it was missed or not
/// held, and optionally the version the caller saw (409 if it changed meanwhile).
struct OutcomeRequestBody: Codable, Sendable {
    var outcome: SessionOutcome
    var reason: OutcomeReason?
    var expectedVersion: Int?
}

/// `GET /api/v1/sites/{id}/bookings`: the site's bookings (any status) starting in [from, to].
struct SiteBookingsView: Codable, Sendable {
    var siteId: Site.ID
    var from: LocalDate
    var to: LocalDate
    var bookings: [Booking]
}

/// `GET /api/v1/units/{id}/route`: the live truth of a unit's day (feeds lag; DESIGN.md):
/// its stored route record, stops in order, and the bookings it hosts.
struct UnitRouteView: Codable, Sendable {
    var unitId: MobileUnit.ID
    var date: LocalDate
    var day: UnitDay?
    var visits: [Visit]
    var bookings: [Booking]
}
