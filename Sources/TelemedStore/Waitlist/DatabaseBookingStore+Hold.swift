import Foundation
import TelemedCore
import TelemedSolver

extension DatabaseBookingStore {
    public func hold(_ proposal: StoredProposal, actor: String) throws -> BookingOutcome {
        let held = proposal.heldBooking
        return try database.database.write { db in
            let now = database.clock.now()
            guard let entry = try WaitlistRows.waiting(proposal.requestId, db), let entryId = entry.id else {
                throw StoreError.notWaiting(proposal.requestId)
            }
            guard try WaitlistRows.openOffer(entryId: entryId, db) == nil else {
                throw StoreError.alreadyOffered(proposal.requestId)
            }
            guard try !BookingRecord.exists(db, key: held.id) else {
                throw StoreError.bookingExists(held.id)
            }
            try requireReferences(of: held, db)
            let check = try conflictCheck(db, changed: [held], newRoute: nil)
            if let conflict = check.conflict(subject: "booking \(held.id)", changed: [held], route: nil) {
                return .conflict(conflict)
            }
            try Self.insert(held, db)
            try ProposalRecord(proposal).insert(db)
            try WaitlistOfferRecord(
                id: proposal.id, entryId: entryId, requestId: proposal.requestId, bookingId: held.id,
                specialistId: held.specialistId, start: held.start, end: held.end, offeredAt: now,
                expiresAt: proposal.expiresAt, closedAt: nil, closedReason: nil
            ).insert(db)
            try Self.audit(db, at: now, actor: actor, action: "booking.held", before: nil, after: held)
            try NotificationRows.record(
                .waitlistOffer, booking: held,
                offer: NotifiedOffer(proposalId: proposal.id, expiresAt: proposal.expiresAt), at: now, db)
            return .accepted(held)
        }
    }
}

extension StoredProposal {
    /// A waiting-list offer: `proposal` for `requestId`, whose slot is held under
    /// ``heldBookingId`` until `expiresAt`; booking it replaces the held booking.
    public static func waitlistOffer(
        id: String, requestId: ConsultationRequest.ID, createdAt: Date, expiresAt: Date, proposal: Proposal
    ) -> StoredProposal {
        StoredProposal(
            id: id, requestId: requestId, replacesBookingId: heldBookingId(of: id), createdAt: createdAt,
            expiresAt: expiresAt, proposal: proposal)
    }

    /// The id of the slot held for a waiting-list offer: `H-` and the proposal's number.
    public var heldBookingId: Booking.ID { Self.heldBookingId(of: id) }

    /// Whether booking this proposal books a waiting-list offer (rather than a reschedule).
    public var isWaitlistOffer: Bool { replacesBookingId == heldBookingId }

    private static func heldBookingId(of id: String) -> Booking.ID { Booking.ID(rawValue: "H-" + id.dropFirst(2)) }

    /// The booking that holds this proposal's slot for its waiting request until it is booked.
    public var heldBooking: Booking {
        var held = booking(id: heldBookingId)
        held.status = .held
        return held
    }
}
