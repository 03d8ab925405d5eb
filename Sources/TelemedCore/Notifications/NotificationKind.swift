/// What a notification tells, named as webhooks and `--events` name it.
public enum NotificationKind: String, ClosedVocabulary, Hashable {
    /// A session was confirmed (booked from a proposal, or a proposed booking confirmed).
    case bookingConfirmed = "booking.confirmed"
    /// A confirmed session was cancelled.
    case bookingCancelled = "booking.cancelled"
    /// A confirmed session moved: new times, specialist or host (`previous` says from what).
    case bookingMoved = "booking.moved"
    /// What became of a session was recorded or corrected.
    case bookingOutcome = "booking.outcome"
    /// A slot was held for a waiting request: its site has until `expiresAt` to book it.
    case waitlistOffer = "waitlist.offer"
    /// A unit's stop changed after the route cut-off: the crew must know.
    case routeChanged = "route.changed"
    /// The day before: a site's or a specialist's sessions of tomorrow.
    case reminderDigest = "reminder.digest"
}
