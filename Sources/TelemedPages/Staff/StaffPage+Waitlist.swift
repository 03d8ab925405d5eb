import TelemedCore

/// The waiting list on the staff page: each request's place, the slot held for it with one-click
/// booking and declining, taking a request off the list, and the button that puts the request just
/// asked for on it.
extension StaffPage {
    static let waitlistHeaders = [
        "Rang", "Résident", "Consultation", "En attente depuis", "Créneau réservé", "Actions",
    ]

    func waitlistRows() -> [StaffPageContext.WaitingRow] {
        model.waiting.map { waiting in
            let who = "\(waiting.residentReference) (rang \(waiting.position))"
            var actions: [FormView] = []
            if let offer = waiting.offer {
                let when = "\(FrenchVocabulary.date(offer.date)), \(FrenchVocabulary.time(offer.start))"
                actions = [
                    FormView(
                        name: "confirmer", action: PageRoutes.siteConfirm.path(model.site.id),
                        protection: model.protection, hidden: [("proposal", offer.proposalId)],
                        submit: "Réserver ce créneau", submitLabel: "Réserver pour \(who) le créneau du \(when)"),
                    FormView(
                        name: "refuser", action: PageRoutes.siteWaitlistDecline.path(model.site.id, waiting.requestId),
                        protection: model.protection, submit: "Refuser", submitClass: "secondary",
                        submitLabel: "Refuser pour \(who) le créneau du \(when)"),
                ]
            }
            actions.append(
                FormView(
                    name: "retirer", action: PageRoutes.siteWaitlistWithdraw.path(model.site.id, waiting.requestId),
                    protection: model.protection, submit: "Retirer de la liste", submitClass: "danger",
                    submitLabel: "Retirer \(who) de la liste d’attente"))
            return StaffPageContext.WaitingRow(
                position: "\(waiting.position)", resident: waiting.residentReference,
                specialty: FrenchVocabulary.specialty(waiting.specialty),
                urgency: FrenchVocabulary.urgency(waiting.urgency),
                since: FrenchVocabulary.date(waiting.since)
                    + (waiting.returned ? " (séance non tenue : prioritaire)" : ""),
                offer: waiting.offer.map(Self.offerText) ?? "En attente d’un créneau qui se libère",
                hasOffer: waiting.offer != nil, actions: actions)
        }
    }

    /// "lundi 29 mars 2027, 9 h 00 – 9 h 30, Dr Claire Fournier. Réservé pour vous jusqu’au …".
    static func offerText(_ offer: StaffPageModel.WaitingRequest.Offer) -> String {
        "\(FrenchVocabulary.date(offer.date)), \(FrenchVocabulary.time(offer.start)) – "
            + "\(FrenchVocabulary.time(offer.end)), \(offer.specialist). Réservé pour cette demande jusqu’au "
            + "\(FrenchVocabulary.date(offer.expiresOn)), \(FrenchVocabulary.time(offer.expiresAt))."
    }

    /// "Mettre en liste d'attente" for the request just asked for.
    func waitlistJoinForm() -> FormView? {
        model.waitlistCandidate.map { requestId in
            FormView(
                name: "attente", action: PageRoutes.siteWaitlistJoin.path(model.site.id, requestId),
                protection: model.protection, submit: "Mettre en liste d’attente", submitClass: "secondary")
        }
    }
}
