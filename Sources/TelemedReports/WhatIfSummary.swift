import TelemedCore
import TelemedHTML
import TelemedSolver

/// The short, automatically written account of what a variant changes against the base, in
/// French: served requests overall, the department that gains or loses most, the specialty and
/// urgency whose median wait moves most, and the kilometres driven.
///
/// "« Unité à Château-Chinon » sert 212 demandes de plus en Nièvre ; le délai médian en
/// dermatologie (programmé) passe de 19 à 11 jours."
public struct WhatIfSummary: Sendable {
    public var sentences: [String]

    /// Waits move only when both sides served at least this many requests of the pair.
    static let minimumServedForWaits = 10

    public init(variant: WhatIfOutcome, base: WhatIfOutcome) {
        let name = "« \(variant.variant.name) »"
        var sentences: [String] = []
        let served = variant.kpis.served - base.kpis.served
        sentences.append(
            "\(name) : \(FrenchVocabulary.number(variant.kpis.served)) demandes servies sur \(FrenchVocabulary.number(variant.kpis.requests))"
                + " (\(FrenchVocabulary.percent(variant.kpis.servedPercent))), contre \(FrenchVocabulary.number(base.kpis.served)) sur"
                + " \(FrenchVocabulary.number(base.kpis.requests)) dans la référence (\(FrenchVocabulary.signed(Double(served))))."
        )
        let baseDepartments = Dictionary(
            base.territories.departments.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
        let moves = variant.territories.departments.compactMap { department -> (TerritoryFigures, Int)? in
            guard let before = baseDepartments[department.code] else { return nil }
            return (department, department.served - before.served)
        }
        if let (department, change) = moves.max(by: { (abs($0.1), $1.0.code) < (abs($1.1), $0.0.code) }), change != 0 {
            sentences.append(
                "Le plus grand écart est en \(department.name) (\(department.code)) : \(FrenchVocabulary.number(Double(abs(change))))"
                    + " demandes servies \(change > 0 ? "de plus" : "de moins").")
        }
        let baseWaits = Dictionary(
            base.territories.specialtyWaits.map { ("\($0.specialty.rawValue)|\($0.urgency.rawValue)", $0) },
            uniquingKeysWith: { a, _ in a })
        let waitMoves = variant.territories.specialtyWaits.compactMap { wait -> (SpecialtyWait, Double, Double)? in
            guard let before = baseWaits["\(wait.specialty.rawValue)|\(wait.urgency.rawValue)"],
                wait.served >= Self.minimumServedForWaits, before.served >= Self.minimumServedForWaits,
                let old = before.waitMedianDays, let new = wait.waitMedianDays
            else { return nil }
            return (wait, old, new)
        }
        if let (wait, old, new) = waitMoves.max(by: {
            (abs($0.2 - $0.1), $1.0.specialty.rawValue) < (abs($1.2 - $1.1), $0.0.specialty.rawValue)
        }), abs(new - old) >= 0.5 {
            sentences.append(
                "Le délai médian en \(FrenchVocabulary.specialtyInText(wait.specialty)) (\(FrenchVocabulary.urgency(wait.urgency))) passe de"
                    + " \(FrenchVocabulary.number(old, places: old.rounded() == old ? 0 : 1)) à"
                    + " \(FrenchVocabulary.number(new, places: new.rounded() == new ? 0 : 1)) jours.")
        }
        let kilometres = variant.kpis.unitKilometres - base.kpis.unitKilometres
        if abs(kilometres) >= 1 {
            sentences.append(
                "Les unités mobiles roulent \(FrenchVocabulary.number(abs(kilometres))) km \(kilometres > 0 ? "de plus" : "de moins")"
                    + " (\(FrenchVocabulary.number(variant.kpis.unitKilometres)) km au total).")
        }
        self.sentences = sentences
    }
}
