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
            depotName: model.depotName, days: days, download: model.todayDownloadURL,
            feed: CopyButton(id: "lien-tournee", label: "Adresse du calendrier de l’unité", value: model.feedURL))
        return PageTemplates.render(context, "crew-page")
    }

    private func dayRoute(_ day: CrewPageModel.Day, heading: String) -> Context.Day {
        let stops = day.stops.map { stop in
            Context.Stop(
                times: "\(FrenchVocabulary.time(stop.arrival)) – \(FrenchVocabulary.time(stop.departure))",
                siteName: stop.siteName, changedAfterCutoff: stop.changedAfterCutoff, address: stop.address,
                commune: stop.commune,
                consultations: "\(stop.consultations) consultation\(stop.consultations > 1 ? "s" : "")")
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
}
