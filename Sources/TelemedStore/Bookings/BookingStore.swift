import Foundation
import TelemedCore

/// Where bookings live and change. Callers (the HTTP server, the CLI) use this protocol only, so a
/// PostgreSQL backend can be added beside ``DatabaseBookingStore`` without touching them.
///
/// Lifecycle: `proposed → confirmed → done | noShow | notHeld` (the session's outcome), and
/// `proposed | confirmed → cancelled`. Every change
/// raises `version` by one (the ICS `SEQUENCE`) and appends an audit entry in the same transaction.
/// Changes that make a booking occupy committed resources (confirm, reschedule of a confirmed
/// booking, a new unit route) re-check every hard rule against the committed data inside one write
/// transaction and return a ``BookingConflict`` instead of writing anything when one breaks.
///
/// ```swift
/// let store: any BookingStore = DatabaseBookingStore(database)
/// try store.propose(booking, actor: "site:E-58-0001")
/// switch try store.confirm(booking.id, actor: "site:E-58-0001") {
/// case .accepted(let confirmed): print("confirmed, version \(confirmed.version)")
/// case .conflict(let conflict): print(conflict)
/// }
/// ```
public protocol BookingStore: Sendable {
    /// Stores a new booking as `proposed`, version 1. It holds no resource until confirmed.
    @discardableResult
    func propose(_ booking: Booking, actor: String) throws -> Booking

    /// `proposed → confirmed`, after re-checking against committed bookings and routes. `route`
    /// replaces the stored route of the booking's unit day (a proposal that adds a stop).
    func confirm(_ id: Booking.ID, expectedVersion: Int?, route: UnitRoute?, actor: String) throws -> BookingOutcome

    /// Commits a new booking straight to `confirmed` (version 1), as when staff pick a proposal,
    /// after the same re-check as `confirm`. `replacing` names a booking to cancel in the same
    /// transaction (a reschedule onto another specialist or host); on conflict nothing is
    /// written, so the replaced booking stays.
    func book(_ booking: Booking, route: UnitRoute?, replacing: Booking.ID?, actor: String) throws -> BookingOutcome
    /// Group commit: `intents` booked in one transaction, in order, each as `book` would, with
    /// each one's outcome or error in the same order. A server's confirmations arrive faster than
    /// one transaction each can be committed; this is how they keep up.
    func book(_ intents: [BookingIntent]) async throws -> [Result<BookingOutcome, any Error>]

    /// New times (and review, room) as a new version of the same booking; a confirmed booking is
    /// re-checked as by `confirm` and stays confirmed.
    func reschedule(
        _ id: Booking.ID, to times: BookingTimes, expectedVersion: Int?, route: UnitRoute?, actor: String
    ) throws -> BookingOutcome

    /// `proposed | confirmed → cancelled`: the booking frees its resources.
    @discardableResult
    func cancel(_ id: Booking.ID, expectedVersion: Int?, actor: String) throws -> Booking

    /// Records what became of a confirmed session, from its start on by the store's clock:
    /// `confirmed → done | noShow | notHeld`, and corrections between outcomes (a session's outcome
    /// may be recorded or corrected days later). `reason` must explain `outcome`. Turning a
    /// `notHeld` back into a session that took place re-checks it as `confirm` does (its request
    /// may have been booked again meanwhile); recording the same outcome and reason again changes
    /// nothing.
    func recordOutcome(
        _ id: Booking.ID, _ outcome: SessionOutcome, reason: OutcomeReason?, expectedVersion: Int?, actor: String
    ) throws -> BookingOutcome

    /// Holds a waiting request's offer: `proposal`'s slot becomes a `held` booking, committed like
    /// a confirmation (re-checked the same way; nobody else can take it) until the site books the
    /// proposal (its booking replaces the held one) or the hold is released (declined, lapsed at
    /// `proposal.expiresAt`, the request withdrawn). The proposal is stored with it. Site-hosted
    /// slots only. ``StoreError/notWaiting(_:)`` when the request is not on the waiting list,
    /// ``StoreError/alreadyOffered(_:)`` when a slot is already held for it.
    func hold(_ proposal: StoredProposal, actor: String) throws -> BookingOutcome

    /// Replaces one unit day's route after checking it against the confirmed bookings it hosts.
    func saveRoute(_ route: UnitRoute, actor: String) throws -> ChangeOutcome<UnitRoute>

    func booking(_ id: Booking.ID) throws -> Booking?
    /// Bookings (any status) at a site starting in `interval`, by start.
    func bookings(atSite siteId: Site.ID, startingIn interval: UTCInterval) throws -> [Booking]
    /// Bookings (any status) of a specialist starting in `interval`, by start.
    func bookings(ofSpecialist specialistId: Specialist.ID, startingIn interval: UTCInterval) throws -> [Booking]
    /// Bookings (any status) hosted by a unit on a local date, by start.
    func bookings(hostedBy unitId: MobileUnit.ID, on date: LocalDate) throws -> [Booking]
    /// The stored route of a unit day, if any.
    func route(_ key: UnitDayKey) throws -> UnitRoute?
}

extension BookingStore {
    public func confirm(_ id: Booking.ID, expectedVersion: Int? = nil, actor: String) throws -> BookingOutcome {
        try confirm(id, expectedVersion: expectedVersion, route: nil, actor: actor)
    }

    @discardableResult
    public func cancel(_ id: Booking.ID, actor: String) throws -> Booking {
        try cancel(id, expectedVersion: nil, actor: actor)
    }
}

/// When a booking happens: the consultation or capture at the site, the review of `async`
/// captures, the room.
public struct BookingTimes: Hashable, Sendable {
    public var start: Date
    public var end: Date
    public var review: UTCInterval?
    public var room: Int?

    public init(start: Date, end: Date, review: UTCInterval? = nil, room: Int? = nil) {
        self.start = start
        self.end = end
        self.review = review
        self.room = room
    }
}
