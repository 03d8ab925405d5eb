import TelemedCore

/// The page of one specialist, `/specialistes/{id}`: today's sessions, the rest of the week, and
/// the past sessions whose outcome is still to record, each started one with its outcome buttons;
/// the video room and the calendar feed.
public struct SpecialistPage: Sendable {
    public var model: SpecialistPageModel
    /// The sign-out page the header links to ("Se déconnecter"); nil for none.
    public var signOutPath: String? = PageRoutes.signOut.path()

    /// How far back sessions without an outcome are listed.
    public static let pendingDays = 14

    public init(model: SpecialistPageModel) {
        self.model = model
    }

    /// What `specialist-page.mustache` shows.
    private struct Context {
        var frame: PageFrame
        var notice: String?
        var videoLink: String?
        var today: StaffPageContext.Table?
        var week: StaffPageContext.Table?
        var pending: StaffPageContext.Table?
        var feed: CopyButton
    }

    private static let headers = ["Jour", "Heure", "Résident", "Consultation", "Lieu", "État", "Actions"]

    public func render() -> String {
        let today = model.sessions.filter { $0.date == model.today }
        let weekEnd = model.today.adding(days: 7 - model.today.weekday.isoNumber)
        let week = model.sessions.filter { $0.date > model.today && $0.date <= weekEnd }
        let pending = model.sessions.filter {
            $0.date < model.today && $0.started && $0.status == .confirmed
        }
        let context = Context(
            frame: PageFrame(
                title: "Téléconsultations · \(model.name)",
                navigation: [
                    .init(label: "Aujourd’hui", href: "#aujourdhui"), .init(label: "Semaine", href: "#semaine"),
                    .init(label: "À compléter", href: "#a-completer"), .init(label: "Calendrier", href: "#abonnement"),
                ],
                signOut: signOutPath, copyScript: true),
            notice: model.notice, videoLink: model.videoLink,
            today: table(today, caption: "Séances du \(FrenchVocabulary.date(model.today))"),
            week: table(week, caption: "Jusqu’au \(FrenchVocabulary.date(weekEnd))"),
            pending: table(pending.reversed(), caption: "Séances passées dont l’issue reste à indiquer"),
            feed: CopyButton(id: "lien-agenda", label: "Adresse de votre calendrier", value: model.feedURL))
        return PageTemplates.render(context, "specialist-page")
    }

    private func table(_ sessions: [SpecialistPageModel.Session], caption: String) -> StaffPageContext.Table? {
        guard !sessions.isEmpty else { return nil }
        return StaffPageContext.Table(caption: caption, headers: Self.headers, rows: sessions.map(row))
    }

    private func row(_ session: SpecialistPageModel.Session) -> StaffPageContext.Row {
        var actions: [FormView] = []
        if session.started && (session.status == .confirmed || session.status.isOutcome) {
            actions = OutcomeForms.forms(
                action: PageRoutes.specialistOutcome.path(model.specialistId, session.bookingId),
                protection: model.protection,
                who: "\(session.residentReference), \(FrenchVocabulary.date(session.date))",
                idPrefix: "\(session.bookingId)-")
        }
        return StaffPageContext.Row(
            date: FrenchVocabulary.date(session.date),
            times: "\(FrenchVocabulary.time(session.start)) – \(FrenchVocabulary.time(session.end))",
            resident: session.residentReference, specialty: FrenchVocabulary.specialty(session.specialty),
            mode: FrenchVocabulary.mode(session.mode), practitioner: session.siteName,
            place: session.unitName.map { "Unité mobile : \($0)" } ?? "Sur place",
            status: OutcomeForms.status(session.status, reason: session.outcomeReason), actionable: true,
            hasActions: !actions.isEmpty, actions: actions)
    }
}
