import Foundation
import TelemedCore
import TelemedStore

/// A site's waiting list as `GET /api/v1/sites/{id}/waitlist` returns it, in the list's order.
struct WaitlistView: Codable, Sendable {
    var siteId: Site.ID
    var entries: [WaitlistEntryView]
}

/// One waiting request: its place among the site's, and the slot held for it, if any (book it
/// with `POST /api/v1/bookings` and `offer.proposalId` before `offer.expiresAt`).
struct WaitlistEntryView: Codable, Sendable {
    /// 1 for the site's first waiting request.
    var position: Int
    var requestId: ConsultationRequest.ID
    var urgency: Urgency
    var enteredAt: Date
    /// Back on the list because its session was not held: it goes first.
    var returned: Bool
    /// Offers start before this instant (the earliest slot turned down); absent: any slot.
    var wantsBefore: Date?
    var offer: WaitlistOfferView?

    init(_ entry: WaitlistEntry, position: Int) {
        self.position = position
        requestId = entry.requestId
        urgency = entry.urgency
        enteredAt = entry.enteredAt
        returned = entry.returned
        wantsBefore = entry.wantsBefore
        offer = entry.offer.map(WaitlistOfferView.init)
    }

    /// A request's entry and place in its site's list; nil when it is not waiting.
    static func place(of requestId: ConsultationRequest.ID, at site: Site.ID, in database: TelemedDatabase) throws
        -> WaitlistEntryView?
    {
        let entries = try database.waitlist(siteId: site)
        return entries.firstIndex { $0.requestId == requestId }.map { WaitlistEntryView(entries[$0], position: $0 + 1) }
    }

    /// A site's entries, numbered in the list's order.
    static func numbered(_ entries: [WaitlistEntry]) -> [WaitlistEntryView] {
        entries.enumerated().map { WaitlistEntryView($0.element, position: $0.offset + 1) }
    }
}

/// A slot held for a waiting request.
struct WaitlistOfferView: Codable, Sendable {
    var proposalId: String
    /// The `held` booking that keeps the slot; booking the proposal replaces it.
    var bookingId: Booking.ID
    var specialistId: Specialist.ID?
    var start: Date
    var end: Date
    var offeredAt: Date
    var expiresAt: Date

    init(_ offer: WaitlistOffer) {
        proposalId = offer.proposalId
        bookingId = offer.bookingId
        specialistId = offer.specialistId
        start = offer.start
        end = offer.end
        offeredAt = offer.offeredAt
        expiresAt = offer.expiresAt
    }
}
