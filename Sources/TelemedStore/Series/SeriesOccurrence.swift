import TelemedCore

/// One stored occurrence of a care series: its request and the booking that holds its place (the
/// one that occupies resources: proposed, confirmed, held, done or a no-show), nil while it has
/// none. What the server reads to space a move from the neighbours and to show a series whole.
public struct SeriesOccurrence: Hashable, Sendable {
    public var request: ConsultationRequest
    public var booking: Booking?

    public init(request: ConsultationRequest, booking: Booking?) {
        self.request = request
        self.booking = booking
    }

    /// 1…`count`; 0 for a request outside any series (never stored as an occurrence).
    public var index: Int { request.series?.index ?? 0 }
}
