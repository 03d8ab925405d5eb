import TelemedCore
import TelemedHTML

/// The crew page: each day's route as an ordered list (times, addresses, consultations), a map of
/// the day drawn from coordinates, and the route feed. This page, not the feed, is the live truth.
public struct CrewPage: Sendable {
    public var model: CrewPageModel
    /// The sign-out page the header links to ("Se déconnecter"); nil for none.
    public var signOutPath: String? = PageRoutes.signOut.path()

    public init(model: CrewPageModel) {
        self.model = model
    }

    /// What `crew-page.mustache` shows; optional names are absent from the enclosing contexts.
    private struct Context {
        struct Stop {
            var times: String
            var siteName: String
            var changedAfterCutoff: Bool
            var address: String
            var commune: String
            var consultations: String
            /// The residents to tick and the stop's "not held" button, once its sessions started.
            var outcomes: [FormView]
            var hasOutcomes: Bool
        }

        struct Day {
            var sectionID: String
            var heading: String
            var hasStops: Bool
            var departure: String?
            var stops: [Stop]
            var back: String?
            var map: SVGMap.Drawing?
        }

        var frame: PageFrame
        var notice: String?
        var depotName: String
        var days: [Day]
        var download: String?
        var feed: CopyButton
    }

    public func render() -> String {
        let days = model.days.enumerated().map { index, day in
            dayRoute(day, heading: index == 0 ? "Aujourd’hui" : index == 1 ? "Demain" : "Ensuite")
        }
        let context = Context(
            frame: PageFrame(title: "Tournée · \(model.unitName)", signOut: signOutPath, copyScript: true),
            notice: model.notice, depotName: model.depotName, days: days, download: model.todayDownloadURL,
            feed: CopyButton(id: "lien-tournee", label: "Adresse du calendrier de l’unité", value: model.feedURL))
        return PageTemplates.render(context, "crew-page")
    }

    private func dayRoute(_ day: CrewPageModel.Day, heading: String) -> Context.Day {
        let stops = day.stops.map { stop in
            let outcomes = outcomeForms(stop, date: day.date)
            return Context.Stop(
                times: "\(FrenchVocabulary.time(stop.arrival)) – \(FrenchVocabulary.time(stop.departure))",
                siteName: stop.siteName, changedAfterCutoff: stop.changedAfterCutoff, address: stop.address,
                commune: stop.commune,
                consultations: "\(stop.consultations) consultation\(stop.consultations > 1 ? "s" : "")",
                outcomes: outcomes, hasOutcomes: !outcomes.isEmpty)
        }
        let map = SVGMap(
            title: "Carte de la tournée du \(FrenchVocabulary.date(day.date))",
            sites: day.stops.enumerated().map { index, stop in
                SVGMap.Point(
                    location: stop.location, value: 1, label: "\(index + 1). \(stop.siteName)", mark: "\(index + 1)")
            },
            depots: [SVGMap.Point(location: model.depotLocation, value: nil, label: model.depotName)],
            routes: [
                SVGMap.Route(
                    label: "Tournée", points: [model.depotLocation] + day.stops.map(\.location) + [model.depotLocation])
            ])
        return Context.Day(
            sectionID: "jour-\(day.date)", heading: "\(heading) · \(FrenchVocabulary.date(day.date))",
            hasStops: !stops.isEmpty, departure: day.departure.map(FrenchVocabulary.time), stops: stops,
            back: day.back.map(FrenchVocabulary.time), map: stops.isEmpty ? nil : map.drawing(width: 520, height: 360))
    }

    /// The CSRF form name of a stop's outcome forms.
    public static let stopFormName = "arret"

    /// A stop whose consultations have started: the residents seen, ticked (a ticked one is
    /// recorded done, an unticked one absent), and one button for a stop that was not held.
    private func outcomeForms(_ stop: CrewPageModel.Stop, date: LocalDate) -> [FormView] {
        let started = stop.sessions.filter { $0.started && ($0.status == .confirmed || $0.status.isOutcome) }
        guard let unitId = model.unitId, let protection = model.protection, !started.isEmpty else { return [] }
        let action = PageRoutes.unitStopOutcomes.path(unitId, date.description, String(stop.order))
        let prefix = "arret-\(date)-\(stop.order)-"
        let residents = FormField(
            name: "seen", label: "Résidents vus",
            control: .checkboxes(
                started.map { session in
                    let status =
                        session.status.isOutcome
                        ? " · " + OutcomeForms.status(session.status, reason: session.outcomeReason) : ""
                    return (
                        session.bookingId,
                        "\(FrenchVocabulary.time(session.start)) · \(session.residentReference) · "
                            + FrenchVocabulary.specialty(session.specialty) + status
                    )
                }),
            values: started.filter { $0.status == .confirmed || $0.status == .done }.map(\.bookingId),
            hint: "Un résident décoché est noté absent.", idPrefix: prefix)
        return [
            FormView(
                name: Self.stopFormName, action: action, protection: protection,
                hidden: [("outcome", SessionOutcome.done.rawValue)], groups: [.init(fields: [residents])],
                submit: "Enregistrer les résidents vus",
                submitLabel: "Enregistrer les résidents vus à l’arrêt \(stop.order), \(stop.siteName)"),
            FormView(
                name: Self.stopFormName, action: action, protection: protection,
                hidden: [("outcome", SessionOutcome.notHeld.rawValue)],
                groups: [.init(fields: [OutcomeForms.reasonField(for: .notHeld, idPrefix: prefix)])],
                submit: "Arrêt non tenu", submitClass: "danger",
                submitLabel: "Arrêt \(stop.order), \(stop.siteName) : non tenu"),
        ]
    }
}
