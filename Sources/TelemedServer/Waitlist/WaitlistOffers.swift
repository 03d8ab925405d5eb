import Foundation
import Logging
import TelemedCore
import TelemedSolver
import TelemedStore

/// Offers freed capacity to the waiting list: for each waiting request without a held slot, in the
/// list's order (``WaitlistEntry/precedes(_:)``), the live plan's earliest site-hosted slot that
/// starts before the slot the staff turned down (any slot for a request that had none, whose
/// session was not held, or once that slot's time has passed) and was never offered to it
/// before, held for it (``WaitlistHold``) in the store.
/// Each hold enters the live plan before the next request is served, so two requests are never
/// offered one slot.
///
/// Runs after what frees capacity on this server (a cancellation, a session not held, the nightly
/// roll's new day) and from ``WaitlistKeeper`` (expired holds, changes made by other processes:
/// an availability import). One run at a time (an actor); a run that finds nothing writes nothing.
///
/// Unit-hosted slots are not offered: holding one would change the unit's route for a slot the
/// site may decline, and the crew would see stops come and go. The roll and re-optimisations
/// still place unit work as before for requests that are not on the list.
actor WaitlistOffers {
    let database: TelemedDatabase
    let store: any BookingStore
    let livePlan: LivePlan
    let ids: IdGenerator
    let hold: WaitlistHold
    let logger: Logger
    /// How many of the live plan's proposals (one per host) are looked at for each request.
    static let candidates = 6

    init(
        database: TelemedDatabase, store: any BookingStore, livePlan: LivePlan, ids: IdGenerator, hold: WaitlistHold,
        logger: Logger
    ) {
        self.database = database
        self.store = store
        self.livePlan = livePlan
        self.ids = ids
        self.hold = hold
        self.logger = logger
    }

    /// Releases the holds that expired, then offers slots; returns the offers made. `skipping`:
    /// requests not to serve in this run (their own offer just lapsed or was declined: the slot
    /// passes to the next request first).
    @discardableResult
    func offer(skipping: Set<ConsultationRequest.ID> = [], trigger: String) async throws -> [WaitlistOffer] {
        let lapsed = try database.lapseOffers()
        for offer in lapsed {
            logger.info("Waitlist offer lapsed", metadata: ["booking": "\(offer.bookingId)"])
        }
        let skipped = skipping.union(lapsed.map(\.requestId))
        let waiting = try database.waitlist().filter { $0.offer == nil && !skipped.contains($0.requestId) }
        guard !waiting.isEmpty else { return [] }
        let scenario = try await livePlan.scenario()
        let sites = Dictionary(scenario.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var made: [WaitlistOffer] = []
        for entry in waiting {
            guard let site = sites[entry.siteId], let request = try database.request(id: entry.requestId) else {
                continue
            }
            if let offer = try await offer(to: entry, request: request, at: site, holidays: scenario.holidays) {
                made.append(offer)
                logger.info(
                    "Waitlist offer held",
                    metadata: [
                        "request": "\(entry.requestId)", "site": "\(entry.siteId)", "booking": "\(offer.bookingId)",
                        "trigger": "\(trigger)",
                    ])
            }
        }
        return made
    }

    /// ``offer(skipping:trigger:)`` after a change that freed capacity, which has already been
    /// made: a failure here is logged, not reported to whoever freed it.
    func offerFreed(by trigger: String, skipping: Set<ConsultationRequest.ID> = []) async {
        do {
            try await offer(skipping: skipping, trigger: trigger)
        } catch {
            logger.error("Waitlist offers failed", metadata: ["trigger": "\(trigger)", "error": "\(error)"])
        }
    }

    /// Lapsed holds only, and offers when any lapsed: what a page or a read does before showing
    /// the list, so it never shows a hold that has ended.
    func refresh() async throws {
        guard try database.nextOfferExpiry().map({ $0 <= database.clock.now() }) == true else { return }
        try await offer(trigger: "lapse")
    }

    /// The slot held for `entry`, or nil when the live plan has none it may be offered.
    private func offer(
        to entry: WaitlistEntry, request: ConsultationRequest, at site: Site, holidays: HolidayPolicy
    ) async throws -> WaitlistOffer? {
        let now = database.clock.now()
        let refused = Set(try database.endedOffers(of: entry.requestId).map { SlotKey($0.specialistId, $0.start) })
        guard let copy = try await plannedCopy(of: request) else { return nil }
        let set: ProposalSet
        do {
            set = try await livePlan.proposals(for: copy, notBefore: now, limit: Self.candidates)
        } catch {
            logger.warning("Waitlist request cannot be planned", metadata: ["request": "\(entry.requestId)"])
            return nil
        }
        let eligible = set.proposals.filter { proposal in
            proposal.host == .siteEquipment && proposal.start > now
                && entry.wantsBefore.map { $0 <= now || proposal.start < $0 } != false
                && !refused.contains(SlotKey(proposal.specialistId, proposal.start))
        }
        // The earliest: a waiting request wants the soonest slot, whatever it costs the plan.
        let earliestFirst = eligible.sorted { (a: Proposal, b: Proposal) -> Bool in
            let (first, second) = (a.specialistId?.rawValue ?? "", b.specialistId?.rawValue ?? "")
            return a.start != b.start ? a.start < b.start : first < second
        }
        for proposal in earliestFirst {
            let stored = StoredProposal.waitlistOffer(
                id: ids.next("P-"), requestId: request.id, createdAt: now,
                expiresAt: hold.expiry(from: now, slotStart: proposal.start, site: site, holidays: holidays),
                proposal: proposal)
            switch try store.hold(stored, actor: "waitlist") {
            case .accepted: return try database.waitlistEntry(entry.requestId)?.offer
            case .conflict: continue  // taken since the plan was read: the next slot
            }
        }
        return nil
    }

    /// What the engine plans: a copy under a fresh id (the original is already in its plan,
    /// unplaced). A care series occurrence waits for its previous occurrence's booking, then keeps
    /// its spacing with its booked neighbours (``OccurrenceWindow``); nil while it cannot be offered.
    private func plannedCopy(of request: ConsultationRequest) async throws -> ConsultationRequest? {
        let id = ConsultationRequest.ID(rawValue: ids.next("R-"))
        guard let window = try OccurrenceWindow.of(request, in: database) else {
            var copy = request
            copy.id = id
            return copy
        }
        guard !window.previousUnbooked else { return nil }
        let days = OccurrenceWindow.plannableDays(try await livePlan.horizon(), today: database.clock.today())
        return window.copy(of: request, as: id, within: days)
    }

    private struct SlotKey: Hashable {
        var specialistId: Specialist.ID?
        var start: Date
        init(_ specialistId: Specialist.ID?, _ start: Date) {
            self.specialistId = specialistId
            self.start = start
        }
    }
}
