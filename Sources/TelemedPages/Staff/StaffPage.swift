import TelemedCore

/// The page of one site's staff: the sessions of this week and the next ones, the request form,
/// the proposals with one-click confirmation, the site's care series, the waiting list with the
/// slots held for it, and the site's calendar subscription.
public struct StaffPage: Sendable {
    public var model: StaffPageModel
    /// The sign-out page the header links to ("Se déconnecter"); nil for none.
    public var signOutPath: String? = PageRoutes.signOut.path()

    public init(model: StaffPageModel) {
        self.model = model
    }

    public func render() -> String {
        let webcal =
            model.feedURL.hasPrefix("https://")
            ? "webcal://" + model.feedURL.dropFirst("https://".count) : model.feedURL
        let proposals = model.noProposalReason == nil ? model.proposals.enumerated().map(proposal) : []
        let context = StaffPageContext(
            frame: PageFrame(
                title: "Téléconsultations · \(model.site.name)",
                navigation: [.init(label: "Demander", href: "#demande"), .init(label: "Séances", href: "#seances")]
                    + (model.series.isEmpty ? [] : [.init(label: "Séries", href: "#series")]) + [
                        .init(label: "Liste d’attente", href: "#attente"),
                        .init(label: "Calendrier", href: "#abonnement"),
                    ],
                signOut: signOutPath, copyScript: true),
            site: model.site, notice: model.notice, noProposalReason: model.noProposalReason,
            requestRefused: !model.request.errors.isEmpty,
            showsProposals: model.noProposalReason != nil || !proposals.isEmpty, hasProposalList: !proposals.isEmpty,
            requestForm: FormView(
                name: "demande", action: PageRoutes.siteRequest.path(model.site.id), protection: model.protection,
                groups: [
                    .init(fields: model.request.fields()),
                    .init(legend: "Série de séances (facultatif)", fields: model.request.seriesFields()),
                ], submit: "Chercher des créneaux"),
            proposals: proposals,
            weeks: upcomingWeeks(), past: pastTable(), webcal: webcal,
            feed: CopyButton(id: "lien-https", label: "Adresse https du calendrier", value: model.feedURL),
            waitlist: waitlistRows(), hasWaitlist: !model.waiting.isEmpty, waitlistHeaders: Self.waitlistHeaders,
            waitlistJoin: waitlistJoinForm(),
            holdHours: model.holdHours, proposalSeries: proposalSeriesText(), series: seriesTables(),
            hasSeries: !model.series.isEmpty)
        return PageTemplates.render(context, "staff-page")
    }

    private func proposal(_ index: Int, _ proposal: StaffPageModel.Proposal) -> StaffPageContext.Proposal {
        let when = "\(FrenchVocabulary.date(proposal.date)), \(FrenchVocabulary.time(proposal.start))"
        return StaffPageContext.Proposal(
            number: index + 1, when: when, end: FrenchVocabulary.time(proposal.end), specialist: proposal.specialist,
            place: proposal.unitName.map { "L’unité mobile vient sur place : \($0)." }
                ?? "Sur place, avec l’équipement du lieu.",
            following: Self.followingText(proposal.following),
            confirm: FormView(
                name: "confirmer", action: PageRoutes.siteConfirm.path(model.site.id), protection: model.protection,
                hidden: [("proposal", proposal.id)], submit: "Confirmer ce créneau",
                submitLabel: "Confirmer le créneau \(index + 1) : \(when)"))
    }

    private static let headers = ["Jour", "Heure", "Résident", "Consultation", "Praticien et lieu", "État"]

    /// This week's and later sessions, one table per week.
    private func upcomingWeeks() -> [StaffPageContext.Table] {
        let weekStart = model.today.adding(days: 1 - model.today.weekday.isoNumber)
        let upcoming = model.sessions.filter { $0.date >= weekStart }.sorted {
            ($0.date, $0.start) < ($1.date, $1.start)
        }
        let weeks = Dictionary(grouping: upcoming) { weekStart.days(to: $0.date) / 7 }
        return weeks.keys.sorted().map { week in
            StaffPageContext.Table(
                caption: "\(week == 0 ? "Cette semaine" : "Semaine") du "
                    + FrenchVocabulary.date(weekStart.adding(days: week * 7)),
                headers: Self.headers + ["Actions"], rows: weeks[week]!.map { row($0) })
        }
    }

    /// The four weeks before this one, newest first, with each session's status and its outcome
    /// buttons: what happened stays visible after the nightly roll made it history, and an outcome
    /// can be recorded days later. Nil when there is none.
    private func pastTable() -> StaffPageContext.Table? {
        let weekStart = model.today.adding(days: 1 - model.today.weekday.isoNumber)
        let first = weekStart.adding(days: -Self.pastDays)
        let past = model.sessions.filter { $0.date >= first && $0.date < weekStart }.sorted {
            ($0.date, $0.start) > ($1.date, $1.start)
        }
        guard !past.isEmpty else { return nil }
        return StaffPageContext.Table(
            caption: "Du \(FrenchVocabulary.date(first)) au \(FrenchVocabulary.date(weekStart.adding(days: -1)))",
            headers: Self.headers + ["Issue de la séance"], rows: past.map { row($0) })
    }

    /// How far back the page lists past sessions.
    public static let pastDays = 28

    private func row(_ session: StaffPageModel.Session) -> StaffPageContext.Row {
        var actions: [FormView] = []
        let who = "\(session.residentReference), \(FrenchVocabulary.date(session.date))"
        if session.started && (session.status == .confirmed || session.status.isOutcome) {
            actions = OutcomeForms.forms(
                action: PageRoutes.siteOutcome.path(model.site.id, session.bookingId), protection: model.protection,
                who: who, idPrefix: "\(session.bookingId)-")
        } else if !session.started && (session.status == .proposed || session.status == .confirmed) {
            actions = [
                FormView(
                    name: "deplacer", action: PageRoutes.siteReschedule.path(model.site.id, session.bookingId),
                    protection: model.protection,
                    submit: "Déplacer", submitClass: "secondary", submitLabel: "Déplacer la séance de \(who)"),
                FormView(
                    name: "annuler", action: PageRoutes.siteCancel.path(model.site.id, session.bookingId),
                    protection: model.protection,
                    submit: "Annuler", submitClass: "danger", submitLabel: "Annuler la séance de \(who)"),
            ]
        }
        return StaffPageContext.Row(
            date: FrenchVocabulary.date(session.date),
            times: "\(FrenchVocabulary.time(session.start)) – \(FrenchVocabulary.time(session.end))",
            resident: session.residentReference, specialty: FrenchVocabulary.specialty(session.specialty),
            mode: FrenchVocabulary.mode(session.mode), practitioner: session.practitioner,
            place: session.unitName.map { "Unité mobile : \($0)" } ?? "Sur place",
            status: OutcomeForms.status(session.status, reason: session.outcomeReason), actionable: true,
            hasActions: !actions.isEmpty,
            actions: actions)
    }
}
