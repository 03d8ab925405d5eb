import TelemedCore
import TelemedHTML
import TelemedSolver

/// `ranking.html`: the siting search's whole ranking in French, beside `report.html` (the what-if
/// report of the best): how candidates were chosen and ordered, one row per candidate, and a map
/// of the candidates coloured by their gain, numbered by rank.
public struct SitingRankingPage: Sendable {
    public var ranking: SitingRankingDocument
    /// The base scenario, for the existing points drawn on the map.
    public var base: Scenario
    /// How the search was run ("graine 1, 200 itérations par calcul").
    public var runDescription: String

    public init(ranking: SitingRankingDocument, base: Scenario, runDescription: String) {
        self.ranking = ranking
        self.base = base
        self.runDescription = runDescription
    }

    struct Context {
        var title, scenarioName, horizonStart, horizonEnd, runDescription: String
        var method: [String]
        var table: ReportTable
        var map: SVGMap.Drawing?
        var mapCaption: String
        var count: Int
    }

    public func render() -> String {
        let townPoint = ranking.criteria.kind == .townPoint
        let context = Context(
            title: townPoint ? "Où ouvrir un point de consultation ?" : "Où baser une unité mobile de plus ?",
            scenarioName: base.name, horizonStart: "\(base.horizon.start)", horizonEnd: "\(base.horizon.end)",
            runDescription: runDescription, method: method(), table: table(), map: map().drawing(),
            mapCaption: townPoint
                ? "Communes candidates numérotées par rang, du rouge (moindre gain) au vert (plus grand gain) ; "
                    + "points gris : points de consultation existants ; carrés noirs : bases des unités."
                : "Communes candidates numérotées par rang, du rouge (moindre gain) au vert (plus grand gain) ; "
                    + "carrés noirs : bases des unités existantes.",
            count: ranking.count)
        return WhatIfReportPage.templates.render(context, "siting-ranking")
    }

    private func method() -> [String] {
        let criteria = ranking.criteria
        let townPoint = criteria.kind == .townPoint
        let population =
            criteria.maximumPopulation.map {
                "de \(FrenchVocabulary.number(criteria.minimumPopulation)) à \(FrenchVocabulary.number($0)) habitants"
            } ?? "de \(FrenchVocabulary.number(criteria.minimumPopulation)) habitants ou plus"
        return [
            "La référence est calculée une fois. Sont candidates les communes de la région \(population), à "
                + "\(FrenchVocabulary.number(criteria.spacingKilometres)) km au moins "
                + (townPoint ? "de tout point de consultation existant" : "de toute base d’unité existante")
                + " et les unes des autres, où la référence laisse des demandes sans réponse ou en retard à moins de "
                + "\(FrenchVocabulary.number(criteria.radiusMinutes)) minutes de route ; les plus riches en demandes "
                + "non servies d’abord, \(FrenchVocabulary.number(criteria.maximumCandidates)) au plus.",
            townPoint
                ? "Chaque point ajouté a les horaires, l’infirmière et l’équipement les plus courants des points de "
                    + "consultation de la région, et reçoit la demande qu’un point de consultation de la région reçoit."
                : "Chaque unité ajoutée ressemble à l’unité type de la région (équipage, équipements et jours les plus "
                    + "courants), basée à la mairie de la commune.",
            "Chaque commune est calculée seule, avec la même graine et les mêmes limites que la référence, puis "
                + "classée : d’abord le plus de demandes servies dans leur délai, puis le délai moyen le plus court, "
                + "puis le moins de kilomètres parcourus par les unités. La recherche est heuristique : d’un calcul à "
                + "l’autre, la référence elle-même varie de quelques demandes ; un écart de cet ordre ne départage pas "
                + "deux communes, un écart de vingt, si.",
        ]
    }

    private func table() -> ReportTable {
        ReportTable(
            caption: "Classement des \(ranking.candidates.count) communes candidates (écarts avec la référence)",
            corner: "Rang et commune",
            columns: [
                "Département", "Intercommunalité", "Habitants", "Demandes non servies à proximité",
                "Servies dans leur délai", "Écart", "Délai moyen (jours)", "Écart", "Km des unités", "Écart",
            ],
            rows: ranking.candidates.map { suggestion in
                let (commune, figures, gain) = (suggestion.candidate.commune, suggestion.figures, suggestion.gain)
                return ReportTable.Row(
                    label: "\(suggestion.rank). \(commune.name)",
                    cells: [
                        .init("\(commune.departmentName) (\(commune.departmentCode))"), .init(commune.epciName ?? "–"),
                        .init(FrenchVocabulary.number(commune.population)),
                        .init(FrenchVocabulary.number(suggestion.candidate.unmetNearby)),
                        .init(FrenchVocabulary.number(figures.servedWithinDelay)),
                        .init(
                            FrenchVocabulary.signed(Double(gain.servedWithinDelay)),
                            tone: gain.servedWithinDelay > 0 ? "up" : gain.servedWithinDelay < 0 ? "down" : "same"),
                        .init(FrenchVocabulary.number(figures.meanWaitDays, places: 1)),
                        .init(gain.meanWaitDays.map { FrenchVocabulary.signed($0, places: 2) } ?? "–"),
                        .init(FrenchVocabulary.number(figures.unitKilometres)),
                        .init(FrenchVocabulary.signed(gain.unitKilometres)),
                    ])
            })
    }

    private func map() -> SVGMap {
        let gains = ranking.candidates.map { Double($0.gain.servedWithinDelay) }
        let (low, high) = (gains.min() ?? 0, gains.max() ?? 0)
        let existing =
            ranking.criteria.kind == .townPoint
            ? base.sites.filter { $0.kind == .townPoint }.map {
                SVGMap.Point(location: $0.location, value: nil, label: "\($0.name) (\($0.commune))")
            } : []
        let candidates = ranking.candidates.map { suggestion in
            SVGMap.Point(
                location: suggestion.candidate.commune.location,
                value: high > low ? (Double(suggestion.gain.servedWithinDelay) - low) / (high - low) : 1,
                label:
                    "\(suggestion.rank). \(suggestion.candidate.commune.name) : "
                    + "\(FrenchVocabulary.signed(Double(suggestion.gain.servedWithinDelay))) servies dans leur délai",
                mark: String(suggestion.rank))
        }
        return SVGMap(
            title: "Communes candidates", sites: existing + candidates,
            depots: base.units.map {
                SVGMap.Point(location: $0.depot.location, value: nil, label: "\($0.name) · \($0.depot.name)")
            })
    }
}
