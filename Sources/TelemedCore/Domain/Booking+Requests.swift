extension Sequence<Booking> {
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
