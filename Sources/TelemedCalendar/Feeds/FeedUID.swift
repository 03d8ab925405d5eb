import TelemedCore

/// Stable UIDs derived from identities (booking id, unit, day, site), never from content, so a
/// rescheduled booking or a re-timed stop updates the same event in clients' calendars.
enum FeedUID {
    static let domain = "telemed"

    /// A booking in a specialist or site feed. The kind keeps the UIDs of two feeds apart, so a
    /// user subscribed to both sees two events rather than one that flips between feeds.
    static func booking(_ id: Booking.ID, in kind: FeedKind) -> String {
        "booking-\(id.rawValue)-\(kind.rawValue)@\(domain)"
    }

    /// A stop of a unit's route: unit, local date, site, and which visit of that site it is that
    /// day (1 unless the unit comes back).
    static func stop(_ visit: Visit, occurrence: Int) -> String {
        let suffix = occurrence > 1 ? "-\(occurrence)" : ""
        return "stop-\(visit.unitId.rawValue)-\(visit.date)-\(visit.siteId.rawValue)\(suffix)@\(domain)"
    }

    /// The drive into a stop (or, with `toDepot`, the drive home after the day's last stop).
    static func leg(into stopUID: String) -> String { "leg-" + stopUID }

    static func returnLeg(unit: MobileUnit.ID, date: LocalDate) -> String {
        "leg-\(unit.rawValue)-\(date)-depot@\(domain)"
    }
}
