import CLibical

/// The STATUS of a VEVENT; a cancelled event stays in the feed so clients remove it in place.
public enum FeedEventStatus: String, Sendable, CaseIterable {
    case tentative, confirmed, cancelled

    var icalStatus: icalproperty_status {
        switch self {
        case .tentative: ICAL_STATUS_TENTATIVE
        case .confirmed: ICAL_STATUS_CONFIRMED
        case .cancelled: ICAL_STATUS_CANCELLED
        }
    }
}
