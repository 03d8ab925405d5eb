import Foundation
import Hummingbird
import TelemedCore
import TelemedPages
import TelemedStore

/// The staff page of one site, `/sites/{id}`, and its forms: ask for a consultation (the same
/// proposal service as `POST /api/v1/requests`), confirm a proposal, cancel and reschedule (the
/// same booking path as the API), record a session's outcome, and the waiting list (put the request
/// just asked for on it, book or decline a held slot, take a request off). Every POST is signed in,
/// for this site, with a valid CSRF value.
struct StaffController: Sendable {
    let database: TelemedDatabase
    let store: any BookingStore
    let offers: ProposalOffers
    let booking: ProposalBooking
    let metrics: ServerMetrics
    let outcomes: OutcomePosting
    let waitlist: WaitlistOffers
    let access: PageAccess
    let pages: PageServices
    let builder: StaffPageBuilder

    func addRoutes(to routes: RouteTable) {
        routes.on(.get, PageRoutes.site.pattern, use: show)
        routes.on(.post, PageRoutes.siteRequest.pattern, use: ask)
        routes.on(.post, PageRoutes.siteConfirm.pattern, use: confirm)
        routes.on(.post, PageRoutes.siteCancel.pattern, use: cancel)
        routes.on(.post, PageRoutes.siteReschedule.pattern, use: reschedule)
        routes.on(.post, PageRoutes.siteOutcome.pattern, use: outcome)
        routes.on(.post, PageRoutes.siteWaitlistJoin.pattern, use: joinWaitlist)
        routes.on(.post, PageRoutes.siteWaitlistDecline.pattern, use: declineOffer)
        routes.on(.post, PageRoutes.siteWaitlistWithdraw.pattern, use: leaveWaitlist)
    }

    /// Notices after a redirect, by the key in `?avis=`.
    static let notices = [
        "confirmee": "Séance confirmée : elle figure dans la liste et dans le calendrier du lieu.",
        "annulee": "Séance annulée : elle est retirée du calendrier du lieu.",
        "issue": "Issue de la séance enregistrée.",
        "attente": "Demande inscrite en liste d’attente : un créneau qui se libère lui sera réservé ici.",
        "refus": "Créneau refusé : il passe à la demande suivante ; la vôtre garde son rang.",
        "retrait": "Demande retirée de la liste d’attente.",
    ]

    @Sendable func show(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, site) = try await authorised(request, context)
        var model = try await builder.model(site: site, session: visitor.session, request: request)
        model.notice = request.uri.queryParameters.get("avis").flatMap { Self.notices[$0] }
        return HTMLResponse.make(StaffPage(model: model).render())
    }

    @Sendable func ask(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, site, form) = try await authorisedPost(request, context, form: "demande")
        var model = try await builder.model(site: site, session: visitor.session, request: request)
        let input = StaffRequestInput(form, choices: model.request)
        model.request = input.typed
        let body: ConsultationRequestBody
        switch input.read(siteId: site, today: model.today) {
        case .refused(let refused):
            model.request = refused
            return HTMLResponse.make(StaffPage(model: model).render(), status: .badRequest)
        case .accepted(let accepted): body = accepted
        }
        do {
            let offer = try await offers.request(body, logger: context.logger)
            model.proposals = try await builder.proposals(offer)
            model.proposalSeries = offer.response.series.map {
                .init(count: $0.count, minGapDays: $0.minGapDays, maxGapDays: $0.maxGapDays)
            }
            // The series just stored is listed with the site's others.
            model = try await builder.withSeries(model, site: site)
            let equipment = try await builder.siteEquipment(site)
            if ConsultationRequest.isServedAtSite(
                mode: body.mode, requiring: body.requiredEquipment ?? [], withEquipment: equipment)
            {
                model.waitlistCandidate = offer.response.requestId.rawValue
            }
            if offer.stored.isEmpty { model.noProposalReason = Self.noProposal(offer) }
        } catch let error as APIError {
            model.noProposalReason =
                "la demande ne peut pas être planifiée (\(error.detail)). Vérifiez la spécialité, le mode et "
                + "l’équipement demandés."
        }
        return HTMLResponse.make(StaffPage(model: model).render())
    }

    @Sendable func confirm(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, site, form) = try await authorisedPost(request, context, form: "confirmer")
        let proposalId = form["proposal"]
        let stored = try database.proposal(id: proposalId)
        if let stored, stored.proposal.siteId != site {
            throw PageError.forbidden("Cette proposition concerne un autre établissement : rien n’a été réservé.")
        }
        let outcome: BookingOutcome
        do {
            (outcome, _) = try await booking.book(stored, id: proposalId, role: visitor.role)
        } catch StoreError.consentMissing {
            var model = try await builder.model(site: site, session: visitor.session, request: request)
            model.notice =
                "Le consentement du résident à la téléconsultation n’est pas enregistré pour cette demande : "
                + "rien n’a été réservé. Refaites la demande en indiquant qui a donné son consentement et quand."
            return HTMLResponse.make(StaffPage(model: model).render(), status: .conflict)
        }
        switch outcome {
        case .accepted(let confirmed):
            context.logger.info("Booking confirmed from the staff page", metadata: ["booking": "\(confirmed.id)"])
            return HTMLResponse.redirect(to: PageRoutes.site.path(site.rawValue) + "?avis=confirmee#seances")
        case .conflict:
            var model = try await builder.model(site: site, session: visitor.session, request: request)
            model.notice =
                "Ce créneau n’est plus libre : il vient d’être pris ou modifié. Rien n’a été réservé ; "
                + "refaites la demande pour obtenir de nouveaux créneaux."
            return HTMLResponse.make(StaffPage(model: model).render(), status: .conflict)
        }
    }

    @Sendable func cancel(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, site, _) = try await authorisedPost(request, context, form: "annuler")
        let cancelled = try siteBooking(context, site: site, visitor: visitor)
        _ = try store.cancel(cancelled.id, actor: visitor.role.description)
        metrics.recordBooking(.cancelled)
        context.logger.info("Booking cancelled from the staff page", metadata: ["booking": "\(cancelled.id)"])
        await waitlist.offerFreed(by: "cancellation")
        return HTMLResponse.redirect(to: PageRoutes.site.path(site.rawValue) + "?avis=annulee#seances")
    }

    @Sendable func reschedule(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, site, _) = try await authorisedPost(request, context, form: "deplacer")
        let offer = try await booking.rescheduleOffer(for: try siteBooking(context, site: site, visitor: visitor))
        var model = try await builder.model(site: site, session: visitor.session, request: request)
        model.proposals = try await builder.proposals(offer)
        model.notice =
            offer.stored.isEmpty
            ? "Aucun autre créneau possible pour cette séance : elle reste telle quelle."
            : "Choisissez le nouveau créneau ci-dessous ; la séance actuelle reste réservée jusque-là."
        if offer.stored.isEmpty { model.noProposalReason = Self.noProposal(offer) }
        return HTMLResponse.make(StaffPage(model: model).render())
    }

    /// What became of a session of this site: one of the outcome buttons of its row.
    @Sendable func outcome(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, site, form) = try await authorisedPost(request, context, form: OutcomeForms.formName)
        let session = try siteBooking(context, site: site, visitor: visitor)
        try await outcomes.record(session, try OutcomeInput(form), role: visitor.role, logger: context.logger)
        return HTMLResponse.redirect(to: PageRoutes.site.path(site.rawValue) + "?avis=issue#seances")
    }

    /// The request just asked for, on the waiting list: offers will come before the earliest slot
    /// it was offered (any slot when it had none).
    @Sendable func joinWaitlist(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, site, _) = try await authorisedPost(request, context, form: "attente")
        let consultation = try siteRequest(context, site: site)
        do {
            try database.joinWaitlistAfterProposals(consultation.id, actor: visitor.role.description)
        } catch StoreError.alreadyWaiting {
            throw PageError.conflict("Cette demande est déjà en liste d’attente.")
        } catch StoreError.requestAlreadyBooked {
            throw PageError.conflict("Cette demande a déjà une séance : elle n’a pas besoin de la liste d’attente.")
        } catch StoreError.servedByUnit {
            throw PageError.conflict(
                "Cette demande passe par la visite d’une unité mobile : le planning de la nuit la place sur une "
                    + "tournée. La liste d’attente ne propose que des créneaux sur place.")
        }
        context.logger.info(
            "Request put on the waiting list from the staff page", metadata: ["request": "\(consultation.id)"])
        return HTMLResponse.redirect(to: PageRoutes.site.path(site.rawValue) + "?avis=attente#attente")
    }

    @Sendable func declineOffer(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, site, _) = try await authorisedPost(request, context, form: "refuser")
        let consultation = try siteRequest(context, site: site)
        do {
            try database.declineOffer(for: consultation.id, actor: visitor.role.description)
        } catch StoreError.noOffer, StoreError.notWaiting {
            throw PageError.conflict("Aucun créneau n’est plus réservé pour cette demande : rechargez la page.")
        }
        await waitlist.offerFreed(by: "decline", skipping: [consultation.id])
        return HTMLResponse.redirect(to: PageRoutes.site.path(site.rawValue) + "?avis=refus#attente")
    }

    @Sendable func leaveWaitlist(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let (visitor, site, _) = try await authorisedPost(request, context, form: "retirer")
        let consultation = try siteRequest(context, site: site)
        let held = try database.waitlistEntry(consultation.id)?.offer
        do {
            try database.leaveWaitlist(consultation.id, actor: visitor.role.description)
        } catch StoreError.notWaiting {
            throw PageError.conflict("Cette demande n’est plus en liste d’attente : rechargez la page.")
        }
        if held != nil { await waitlist.offerFreed(by: "withdrawal") }
        return HTMLResponse.redirect(to: PageRoutes.site.path(site.rawValue) + "?avis=retrait#attente")
    }

    /// The request in the path, when it is this site's (403 otherwise, 404 when unknown).
    private func siteRequest(_ context: TelemedRequestContext, site: Site.ID) throws -> ConsultationRequest {
        let id = try context.parameters.require("request")
        guard let consultation = try database.request(id: ConsultationRequest.ID(rawValue: id)) else {
            throw PageError.notFound("Cette demande n’existe pas (ou plus) : rechargez la page.")
        }
        guard consultation.siteId == site else {
            throw PageError.forbidden("Cette demande appartient à un autre établissement : rien n’a été modifié.")
        }
        return consultation
    }

    private func authorised(
        _ request: Request, _ context: TelemedRequestContext
    ) async throws -> (PageAccess.Visitor, Site.ID) {
        let visitor = try await access.visitor(request)
        let site = try context.parameters.require("id")
        try access.requireSite(visitor, site)
        return (visitor, Site.ID(rawValue: site))
    }

    /// Signed in, for this site, and the form's CSRF value checked, before anything is read further.
    private func authorisedPost(
        _ request: Request, _ context: TelemedRequestContext, form name: String
    ) async throws -> (PageAccess.Visitor, Site.ID, HTMLForm) {
        let (visitor, site) = try await authorised(request, context)
        let form = try await pages.form(request)
        try access.requireCSRF(form, session: visitor.session, name: name)
        return (visitor, site, form)
    }

    /// The booking in the path, when it is this site's: another site's booking is a 403 even for
    /// a planner on this page, so a form never acts on a booking its page did not list.
    private func siteBooking(
        _ context: TelemedRequestContext, site: Site.ID, visitor: PageAccess.Visitor
    ) throws -> Booking {
        let id = try context.parameters.require("booking")
        guard let booking = try store.booking(Booking.ID(rawValue: id)) else {
            throw PageError.notFound("Cette séance n’existe pas (ou plus) : rechargez la page.")
        }
        guard booking.siteId == site else {
            throw PageError.forbidden("Cette séance appartient à un autre établissement : rien n’a été modifié.")
        }
        try access.requireSite(visitor, booking.siteId.rawValue)
        return booking
    }

    /// Why nothing was offered, in French: a series occurrence's spacing with its neighbours and
    /// the days it leaves, or the blocking rule's explanation.
    private static func noProposal(_ offer: ProposalOffer) -> String {
        guard let unavailable = offer.response.unavailable else {
            return "aucun spécialiste ni créneau ne convient dans la période planifiée."
        }
        guard let spacing = unavailable.spacing else {
            return FrenchVocabulary.explanation(unavailable.constraint) + "."
        }
        let cause: SeriesWording.Cause =
            switch spacing.cause {
            case .noDayKeepsBothGaps: .noDayKeepsBothGaps
            case .outsidePlanningWindow: .outsidePlanningWindow
            case .noFreeSlot: .noFreeSlot
            }
        let window = spacing.earliestDate.flatMap { first in spacing.latestDate.map { first...$0 } }
        return SeriesWording.spacingRefusal(
            neighbours: [spacing.previous, spacing.next].compactMap { $0 }.map { ($0.index, $0.date) },
            minGapDays: spacing.minGapDays, maxGapDays: spacing.maxGapDays, window: window, cause: cause) + "."
    }
}
