import Foundation
import TelemedCore

/// A row of `waitlist`: one stay of a request on its site's list.
struct WaitlistRecord: StoreRecord {
    static let databaseTableName = "waitlist"

    var id: Int64?
    var requestId: ConsultationRequest.ID
    var siteId: Site.ID
    var enteredAt: Date
    var returned: Bool
    var wantsBefore: Date?
    var leftAt: Date?
    var leftReason: WaitlistExit?
}

/// A row of `waitlistOffers`: one slot held for a waiting request, open until booked, lapsed,
/// declined or withdrawn.
struct WaitlistOfferRecord: StoreRecord {
    static let databaseTableName = "waitlistOffers"

    var id: String
    var entryId: Int64
    var requestId: ConsultationRequest.ID
    var bookingId: Booking.ID
    var specialistId: Specialist.ID?
    var start: Date
    var end: Date
    var offeredAt: Date
    var expiresAt: Date
    var closedAt: Date?
    var closedReason: OfferClosing?

    var offer: WaitlistOffer {
        WaitlistOffer(
            proposalId: id, requestId: requestId, bookingId: bookingId, specialistId: specialistId, start: start,
            end: end,
            offeredAt: offeredAt, expiresAt: expiresAt)
    }
}
