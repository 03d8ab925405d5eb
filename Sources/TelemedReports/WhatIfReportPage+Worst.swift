import TelemedCore
import TelemedSolver

/// "Les cinq territoires à l'accès le plus faible": the intercommunalities of the base where the
/// largest share of inhabitants lives beyond 30 minutes of a used consultation point (fewest
/// consultations per 1,000 inhabitants first among equals), and what each variant changed there.
/// EPCIs rather than communes: a commune of a hundred inhabitants far from everything says little
/// about where to act, and agencies contract with intercommunalities.
extension WhatIfReportPage {
    static let worstCount = 5

    /// The worst of `intercommunalities`, in order; those without inhabitants the data knows are
    /// left out.
    static func worst(_ intercommunalities: [TerritoryFigures]) -> [TerritoryFigures] {
        let known = intercommunalities.filter { ($0.population ?? 0) > 0 }
        return Array(
            known.sorted { a, b in
                let (beyondA, beyondB) = (a.beyond30MinutesPercent ?? 0, b.beyond30MinutesPercent ?? 0)
                if beyondA != beyondB { return beyondA > beyondB }
                let (rateA, rateB) = (a.consultationsPerThousand ?? 0, b.consultationsPerThousand ?? 0)
                if rateA != rateB { return rateA < rateB }
                return a.code < b.code
            }.prefix(worstCount))
    }

    func worstTerritories() -> WhatIfReportContext.Worst? {
        guard let base = outcomes.first else { return nil }
        let worst = Self.worst(base.territories.intercommunalities)
        guard !worst.isEmpty else { return nil }
        return WhatIfReportContext.Worst(
            introduction: "Intercommunalités de la référence où la plus grande part des habitants vit à plus de "
                + "30 min d’un lieu de consultation utilisé (à égalité, le moins de consultations pour 1\u{202F}000 "
                + "habitants d’abord)" + (outcomes.count > 1 ? ", et ce que chaque variante y change." : "."),
            territories: worst.map { territory in
                let changes = outcomes.dropFirst().map { outcome in
                    let after = outcome.territories.intercommunalities.first { $0.code == territory.code }
                    return "« \(outcome.variant.name) » : " + Self.change(from: territory, to: after)
                }
                return .init(
                    name: territory.name, situation: Self.situation(territory),
                    changes: changes.isEmpty ? nil : .init(sentences: changes))
            })
    }

    /// "62,0 % des 8 412 habitants à plus de 30 minutes, 3,1 consultations pour 1 000 habitants, 71,4 % des
    /// 14 demandes de ses lieux servies dans le délai de leur urgence."
    static func situation(_ territory: TerritoryFigures) -> String {
        let requests =
            territory.requests == 0
            ? "aucune demande dans ses lieux"
            : "\(FrenchVocabulary.percent(territory.servedWithinDelayPercent)) des "
                + "\(FrenchVocabulary.number(territory.requests)) demandes de ses lieux servies dans le délai de leur urgence"
        return "\(FrenchVocabulary.percent(territory.beyond30MinutesPercent)) des "
            + "\(FrenchVocabulary.number(Double(territory.population ?? 0))) habitants à plus de 30 min, "
            + "\(FrenchVocabulary.number(territory.consultationsPerThousand, places: 1)) consultations pour 1\u{202F}000 "
            + "habitants, \(requests)."
    }

    /// What moved in one territory between the base and a variant, or that nothing did.
    static func change(from before: TerritoryFigures, to after: TerritoryFigures?) -> String {
        guard let after else { return "territoire absent de la variante." }
        var parts: [String] = []
        let beyond = (after.beyond30MinutesPercent ?? 0) - (before.beyond30MinutesPercent ?? 0)
        if abs(beyond) >= 0.05 {
            parts.append(
                "\(FrenchVocabulary.percent(after.beyond30MinutesPercent)) à plus de 30 min "
                    + "(\(FrenchVocabulary.signed(beyond, places: 1)) points)")
        }
        let rate = (after.consultationsPerThousand ?? 0) - (before.consultationsPerThousand ?? 0)
        if abs(rate) >= 0.05 {
            parts.append(
                "\(FrenchVocabulary.number(after.consultationsPerThousand, places: 1)) consultations pour 1\u{202F}000 "
                    + "habitants (\(FrenchVocabulary.signed(rate, places: 1)))")
        }
        let onTime = (after.servedWithinDelayPercent ?? 0) - (before.servedWithinDelayPercent ?? 0)
        if abs(onTime) >= 0.05 {
            parts.append(
                "\(FrenchVocabulary.percent(after.servedWithinDelayPercent)) servies dans le délai "
                    + "(\(FrenchVocabulary.signed(onTime, places: 1)) points)")
        }
        return parts.isEmpty ? "rien ne change ici." : parts.joined(separator: ", ") + "."
    }
}
