import TelemedCore
import TelemedReports

/// The crew page: each day's route as an ordered list (times, addresses, consultations), a map of
/// the day drawn from coordinates, and the route feed. This page, not the feed, is the live truth.
public struct CrewPage: Sendable {
    public var model: CrewPageModel
    /// The sign-out page the header links to ("Se déconnecter"); nil for none.
    public var signOutPath: String? = SignOutPage.defaultPath

    public init(model: CrewPageModel) {
        self.model = model
    }

    public func render() -> String {
        var main =
            "<p>Base : \(HTML.escape(model.depotName)). Cette page est toujours à jour ; un agenda abonné peut"
            + " avoir plusieurs heures de retard.</p>"
        for (index, day) in model.days.enumerated() {
            main += dayRoute(day, heading: index == 0 ? "Aujourd’hui" : index == 1 ? "Demain" : "Ensuite")
        }
        main += "<section aria-labelledby=\"flux\"><h2 id=\"flux\">Calendrier de la tournée</h2>"
        if let download = model.todayDownloadURL {
            main +=
                "<p><a class=\"button\" href=\"\(HTML.escape(download))\" download>Télécharger la tournée du jour"
                + " (.ics)</a></p>"
        }
        main +=
            CopyButton(id: "lien-tournee", label: "Adresse du calendrier de l’unité", value: model.feedURL).render()
            + "</section>"
        return PageLayout(
            title: "Tournée · \(model.unitName)", main: main, script: CopyButton.script, signOut: signOutPath
        ).render()
    }

    private func dayRoute(_ day: CrewPageModel.Day, heading: String) -> String {
        let id = "jour-\(day.date)"
        var html =
            "<section aria-labelledby=\"\(id)\"><h2 id=\"\(id)\">\(heading) · \(FrenchVocabulary.date(day.date))</h2>"
        guard !day.stops.isEmpty else { return html + "<p>Pas de tournée ce jour.</p></section>" }
        if let departure = day.departure {
            html += "<p>Départ de la base à <strong>\(FrenchVocabulary.time(departure))</strong>.</p>"
        }
        html += "<ol class=\"route\">"
        for stop in day.stops {
            let changed =
                stop.changedAfterCutoff ? " <span class=\"changed\">Modifié après la clôture de la tournée</span>" : ""
            html +=
                "<li><strong>\(FrenchVocabulary.time(stop.arrival)) – \(FrenchVocabulary.time(stop.departure))</strong>"
                + " · \(HTML.escape(stop.siteName))\(changed)<br>\(HTML.escape(stop.address)), "
                + "\(HTML.escape(stop.commune))<br>\(stop.consultations) consultation\(stop.consultations > 1 ? "s" : "")"
                + "</li>"
        }
        html += "</ol>"
        if let back = day.back {
            html += "<p>Retour à la base vers <strong>\(FrenchVocabulary.time(back))</strong>.</p>"
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
        return html
            + "<figure>\(map.render(width: 520, height: 360))<figcaption>Arrêts numérotés dans l’ordre ; le carré"
            + " noir est la base.</figcaption></figure></section>"
    }
}
