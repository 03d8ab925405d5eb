/// What became of a confirmed session once its start has passed, as the site, the crew or the
/// specialist records it: it took place (`done`), the resident did not come (`noShow`), or it could
/// not take place on the programme's side (`notHeld`: the specialist, the unit or the connection
/// failed).
///
/// A `notHeld` session stays in history and frees what it held, so its request is booked again; a
/// `noShow` keeps its resources, since the specialist's time was spent.
///
/// ```json
/// {"outcome": "notHeld", "reason": "connectionFailure"}
/// ```
public enum SessionOutcome: String, ClosedVocabulary, Hashable {
    case done, noShow, notHeld

    /// The booking status that records this outcome.
    public var status: BookingStatus {
        switch self {
        case .done: .done
        case .noShow: .noShow
        case .notHeld: .notHeld
        }
    }

    /// The outcome a booking status records, nil for a session not yet accounted for.
    public init?(_ status: BookingStatus) {
        switch status {
        case .done: self = .done
        case .noShow: self = .noShow
        case .notHeld: self = .notHeld
        case .proposed, .confirmed, .cancelled, .held: return nil
        }
    }

    /// The reasons that may explain this outcome (none for a session that took place).
    public var reasons: [OutcomeReason] { OutcomeReason.allCases.filter { $0.outcome == self } }
}

/// Why a session was missed or not held: codes only, never a diagnosis or free text, so the reason
/// can be counted in the evaluation report and shown anywhere.
public enum OutcomeReason: String, ClosedVocabulary, Hashable {
    /// `noShow`: the resident was away (hospital, family, outing) or could not be brought in time.
    case residentUnavailable
    /// `noShow`: the resident or their representative declined on the day.
    case residentDeclined
    /// `notHeld`: the specialist could not connect or was called away.
    case specialistUnavailable
    /// `notHeld`: the itinerant unit did not come (breakdown, crew, road).
    case unitUnavailable
    /// `notHeld`: the video or data link failed.
    case connectionFailure
    /// `notHeld`: a device (dermatoscope, retinograph, ECG…) failed.
    case equipmentFailure
    /// `notHeld`: the site could not host it (staff, room, closure).
    case siteUnavailable

    /// The only outcome this reason explains.
    public var outcome: SessionOutcome {
        switch self {
        case .residentUnavailable, .residentDeclined: .noShow
        case .specialistUnavailable, .unitUnavailable, .connectionFailure, .equipmentFailure, .siteUnavailable:
            .notHeld
        }
    }
}
