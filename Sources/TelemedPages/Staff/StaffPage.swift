import TelemedCore
import TelemedReports

/// The page of one site's staff: the sessions of this week and the next ones, the request form,
/// the proposals with one-click confirmation, and the site's calendar subscription.
public struct StaffPage: Sendable {
    public var model: StaffPageModel
    /// The sign-out page the header links to ("Se déconnecter"); nil for none.
    public var signOutPath: String? = SignOutPage.defaultPath

    public init(model: StaffPageModel) {
        self.model = model
    }

    public func render() -> String {
        var main = model.notice.map { "<p class=\"notice\" role=\"status\">\(HTML.escape($0))</p>" } ?? ""
        main +=
            "<p>\(HTML.escape(model.site.name)) · \(HTML.escape(model.site.commune))</p>"
            + requestSection() + proposalSection() + sessionsSection() + pastSection() + subscriptionSection()
        return PageLayout(
            title: "Téléconsultations · \(model.site.name)",
            navigation: [
                .init(label: "Demander", href: "#demande"), .init(label: "Séances", href: "#seances"),
                .init(label: "Calendrier", href: "#abonnement"),
            ],
            main: main, script: CopyButton.script, signOut: signOutPath
        ).render()
    }

    private func requestSection() -> String {
        let invalid = !model.request.errors.isEmpty
        let summary =
            invalid
            ? "<p class=\"alert\" role=\"alert\">La demande n’a pas été enregistrée : corrigez les champs signalés.</p>"
            : ""
        let form = FormView(
            name: "demande", action: model.paths.request, protection: model.protection,
            content: model.request.fields().map { $0.render() }.joined(), submit: "Chercher des créneaux")
        return "<section aria-labelledby=\"demande\"><h2 id=\"demande\">Demander une téléconsultation</h2>"
            + summary + form.render() + "</section>"
    }

    private func proposalSection() -> String {
        if let reason = model.noProposalReason {
            return "<section aria-labelledby=\"propositions\"><h2 id=\"propositions\">Propositions</h2>"
                + "<p class=\"alert\">Aucun créneau possible : \(HTML.escape(reason))</p></section>"
        }
        guard !model.proposals.isEmpty else { return "" }
        let items = model.proposals.enumerated().map { index, proposal in
            let when = "\(FrenchVocabulary.date(proposal.date)), \(FrenchVocabulary.time(proposal.start))"
            let unit =
                proposal.unitName.map { "L’unité mobile vient sur place : \(HTML.escape($0))." }
                ?? "Sur place, avec l’équipement du lieu."
            let confirm = FormView(
                name: "confirmer", action: model.paths.confirm, protection: model.protection,
                hidden: [("proposal", proposal.id)], submit: "Confirmer ce créneau",
                submitLabel: "Confirmer le créneau \(index + 1) : \(when)")
            return "<li><h3>Créneau \(index + 1)</h3><p><strong>\(HTML.escape(when))</strong>"
                + " – \(FrenchVocabulary.time(proposal.end))</p><p>\(HTML.escape(proposal.specialist))</p>"
                + "<p>\(unit)</p>\(confirm.render())</li>"
        }
        return "<section aria-labelledby=\"propositions\"><h2 id=\"propositions\">Propositions</h2>"
            + "<ol class=\"proposals\">\(items.joined())</ol></section>"
    }

    private func sessionsSection() -> String {
        let weekStart = model.today.adding(days: 1 - model.today.weekday.isoNumber)
        let upcoming = model.sessions.filter { $0.date >= weekStart }.sorted {
            ($0.date, $0.start) < ($1.date, $1.start)
        }
        var html = "<section aria-labelledby=\"seances\"><h2 id=\"seances\">Séances de la semaine et des suivantes</h2>"
        guard !upcoming.isEmpty else { return html + "<p>Aucune séance prévue.</p></section>" }
        let weeks = Dictionary(grouping: upcoming) { weekStart.days(to: $0.date) / 7 }
        for week in weeks.keys.sorted() {
            let monday = weekStart.adding(days: week * 7)
            html +=
                "<div class=\"table-wrap\"><table><caption>\(week == 0 ? "Cette semaine" : "Semaine") du "
                + "\(FrenchVocabulary.date(monday))</caption><thead><tr>"
                + ["Jour", "Heure", "Résident", "Consultation", "Praticien et lieu", "État", "Actions"].map {
                    "<th scope=\"col\">\($0)</th>"
                }.joined() + "</tr></thead><tbody>"
            for session in weeks[week]! { html += row(session) }
            html += "</tbody></table></div>"
        }
        return html + "</section>"
    }

    /// The four weeks before this one, newest first, with each session's status and no action:
    /// what happened stays visible after the nightly roll made it history.
    private func pastSection() -> String {
        let weekStart = model.today.adding(days: 1 - model.today.weekday.isoNumber)
        let first = weekStart.adding(days: -Self.pastDays)
        let past = model.sessions.filter { $0.date >= first && $0.date < weekStart }.sorted {
            ($0.date, $0.start) > ($1.date, $1.start)
        }
        let heading =
            "<section aria-labelledby=\"passees\"><h2 id=\"passees\">Séances des quatre semaines précédentes</h2>"
        guard !past.isEmpty else { return heading + "<p>Aucune séance ces quatre dernières semaines.</p></section>" }
        return heading
            + "<div class=\"table-wrap\"><table><caption>Du \(FrenchVocabulary.date(first)) au "
            + "\(FrenchVocabulary.date(weekStart.adding(days: -1)))</caption><thead><tr>"
            + ["Jour", "Heure", "Résident", "Consultation", "Praticien et lieu", "État"].map {
                "<th scope=\"col\">\($0)</th>"
            }.joined() + "</tr></thead><tbody>" + past.map { row($0, actionable: false) }.joined()
            + "</tbody></table></div></section>"
    }

    /// How far back the page lists past sessions.
    public static let pastDays = 28

    private func row(_ session: StaffPageModel.Session, actionable: Bool = true) -> String {
        let place = session.unitName.map { "Unité mobile : \(HTML.escape($0))" } ?? "Sur place"
        var actions = ""
        if actionable, session.status == .proposed || session.status == .confirmed {
            let who = "\(session.residentReference), \(FrenchVocabulary.date(session.date))"
            actions =
                "<div class=\"actions\">"
                + FormView(
                    name: "deplacer", action: model.paths.reschedule(session.bookingId), protection: model.protection,
                    submit: "Déplacer", submitClass: "secondary", submitLabel: "Déplacer la séance de \(who)"
                ).render()
                + FormView(
                    name: "annuler", action: model.paths.cancel(session.bookingId), protection: model.protection,
                    submit: "Annuler", submitClass: "danger", submitLabel: "Annuler la séance de \(who)"
                ).render() + "</div>"
        }
        let cells =
            [
                HTML.escape(FrenchVocabulary.date(session.date)),
                "\(FrenchVocabulary.time(session.start)) – \(FrenchVocabulary.time(session.end))",
                HTML.escape(session.residentReference),
                "\(HTML.escape(FrenchVocabulary.specialty(session.specialty)))<br>\(FrenchVocabulary.mode(session.mode))",
                "\(HTML.escape(session.practitioner))<br>\(place)",
                Self.status(session.status),
            ] + (actionable ? [actions] : [])
        return "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>"
    }

    static func status(_ status: BookingStatus) -> String {
        switch status {
        case .proposed: "proposée"
        case .confirmed: "confirmée"
        case .cancelled: "annulée"
        case .done: "réalisée"
        }
    }

    private func subscriptionSection() -> String {
        let https = model.feedURL
        let webcal = https.hasPrefix("https://") ? "webcal://" + https.dropFirst("https://".count) : https
        return "<section aria-labelledby=\"abonnement\"><h2 id=\"abonnement\">Calendrier du lieu</h2>"
            + "<p>Abonnez l’agenda de l’établissement aux séances de ce lieu. Les agendas se mettent à jour à leur"
            + " rythme (jusqu’à un jour) : cette page reste la référence.</p>"
            + "<p><a class=\"button\" href=\"\(HTML.escape(webcal))\">S’abonner dans l’agenda (webcal)</a></p>"
            + CopyButton(id: "lien-https", label: "Adresse https du calendrier", value: https).render()
            + "</section>"
    }
}
