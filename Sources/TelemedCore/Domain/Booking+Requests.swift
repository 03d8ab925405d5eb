extension Sequence<Booking> {
    /// Per request, the booking that serves it: one occupying resources, the earliest start when
    /// several. The one definition of "served" for KPIs, stability, campaign progress and explanations.
    public var servingByRequest: [ConsultationRequest.ID: Booking] {
        var result: [ConsultationRequest.ID: Booking] = [:]
        for booking in self where booking.status.occupiesResources {
            if let kept = result[booking.requestId], (kept.start, kept.id) <= (booking.start, booking.id) { continue }
            result[booking.requestId] = booking
        }
        return result
    }

    /// The requests that hold a booking occupying resources (proposed, confirmed or past and kept):
    /// each may have one only (`requestOnce`).
    public var occupyingRequestIds: Set<ConsultationRequest.ID> {
        Set(lazy.filter(\.status.occupiesResources).map(\.requestId))
    }

    /// The requests whose every booking was cancelled: staff withdrew them, and no re-optimisation
    /// may book them again. A request whose session was not held is not withdrawn: it waits for a
    /// new booking.
    public var withdrawnRequestIds: Set<ConsultationRequest.ID> {
        var cancelled: Set<ConsultationRequest.ID> = []
        var other: Set<ConsultationRequest.ID> = []
        for booking in self {
            if booking.status == .cancelled {
                cancelled.insert(booking.requestId)
            } else {
                other.insert(booking.requestId)
            }
        }
        return cancelled.subtracting(other)
    }
}
