import Foundation
import TelemedCore
import TelemedStore

/// Booking a stored proposal and offering a reschedule: the one path shared by the API
/// (``BookingController``) and the staff page (``StaffController``), so both re-check the same
/// rules in the same transaction and count the same metrics.
struct ProposalBooking: Sendable {
    let database: TelemedDatabase
    /// Confirmations go through this queue (group commit), never straight to the store.
    let bookings: BookingQueue
    let offers: ProposalOffers
    let metrics: ServerMetrics

    /// Books proposal `id` for `role`: 404 when unknown, 403 for another site's staff, 410 once
    /// expired; a conflict found by the store's re-check is returned, not thrown, for each caller
    /// to word, with the booking the proposal replaces (a reschedule).
    func book(proposal id: String, role: AccessRole) async throws -> (outcome: BookingOutcome, replaces: Booking.ID?) {
        try await book(try database.proposal(id: id), id: id, role: role)
    }

    /// The same for a proposal the caller has already read (`stored`, nil when there is none
    /// under `id`), so a page that words its own refusals does not read it twice.
    func book(
        _ stored: StoredProposal?, id: String, role: AccessRole
    ) async throws -> (outcome: BookingOutcome, replaces: Booking.ID?) {
        guard let stored else {
            throw APIError.notFound("There is no proposal \(id): ask for proposals with POST /api/v1/requests.")
        }
        try role.requireSite(stored.proposal.siteId.rawValue)
        guard stored.expiresAt > database.clock.now() else {
            throw APIError.gone(
                "Proposal \(stored.id) expired at \(stored.expiresAt.formatted(.iso8601)); ask for new proposals.")
        }
        // One booking id per proposal, so booking the same proposal twice is refused by the store.
        let booking = stored.booking(id: Booking.ID(rawValue: "B-" + stored.id.dropFirst(2)))
        let outcome = try await bookings.book(
            BookingIntent(booking, route: stored.route, replacing: stored.replacesBookingId, actor: role.description))
        if case .accepted = outcome {
            metrics.recordBooking(.confirmed)
            if stored.replacesBookingId != nil && !stored.isWaitlistOffer { metrics.recordBooking(.cancelled) }
        }
        return (outcome, stored.replacesBookingId)
    }

    /// New proposals to move `booking`, stored; the booking itself stays as it is until one of
    /// them is booked. A care series occurrence keeps its spacing with its booked neighbours.
    func rescheduleOffer(for booking: Booking) async throws -> ProposalOffer {
        guard booking.status == .confirmed || booking.status == .proposed else {
            throw APIError.conflict(
                StoreError.notReschedulable(booking.id, status: booking.status).description, collisions: [])
        }
        guard let original = try database.request(id: booking.requestId) else {
            throw APIError.notFound("The request of booking \(booking.id) is no longer stored.")
        }
        let offer = try await offers.move(booking, of: original)
        try database.saveProposals(offer.stored)
        return offer
    }
}
