import TelemedCore
import TelemedHTML
import TelemedSolver

/// The report's maps: per variant, two choropleths by intercommunality (consultations per 1,000
/// inhabitants; share of inhabitants beyond 30 minutes of a used consultation point) within the
/// department outlines, with the used points, the units' bases and the zones' communes drawn over
/// them, each with its legend. Without the shipped outlines (never in a sound install) the maps
/// fall back to points alone.
extension WhatIfReportPage {
    func maps() -> [WhatIfReportContext.Map] {
        guard let base = outcomes.first else { return [] }
        let atlas = try? OutlineAtlas.shipped()
        let epciOutlines = Dictionary(
            (atlas?.intercommunalities ?? []).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let departmentCodes = Set(base.territories.departments.map(\.code))
        let departments = (atlas?.departments ?? []).filter { departmentCodes.contains($0.code) }.map {
            SVGMap.Area(polygons: $0.polygons, fill: nil, label: "\($0.name) (\($0.code))")
        }
        let consultations = ChoroplethScale.consultations(
            base: base.territories.intercommunalities.compactMap(\.consultationsPerThousand))
        let rings = zoneRings(base.scenario)
        return outcomes.flatMap { outcome in
            let points = usedPoints(outcome)
            let depots = outcome.scenario.units.map {
                SVGMap.Point(location: $0.depot.location, value: nil, label: "\($0.name) · \($0.depot.name)")
            }
            return [
                (consultations, { (figures: TerritoryFigures) in figures.consultationsPerThousand }),
                (ChoroplethScale.beyond30Minutes, { (figures: TerritoryFigures) in figures.beyond30MinutesPercent }),
            ].map { scale, value in
                let areas = outcome.territories.intercommunalities.compactMap { epci -> SVGMap.Area? in
                    guard let outline = epciOutlines[epci.code] else { return nil }
                    return SVGMap.Area(
                        polygons: outline.polygons, fill: scale.colour(value(epci)),
                        label: "\(epci.name) : \(Self.describe(value(epci), scale))")
                }
                let legend = SVGMap.Legend(
                    title: scale.legendTitle,
                    entries: scale.entries + [
                        .init(.dot, colour: Self.pointColour, label: "lieu de consultation utilisé"),
                        .init(.depot, colour: "#000", label: "base d’une unité mobile"),
                    ] + (rings.isEmpty ? [] : [.init(.ring, colour: "#8e44ad", label: "commune d’une zone")]))
                let map = SVGMap(
                    title: "\(scale.title) · \(outcome.variant.name)", sites: points, depots: depots, areas: areas,
                    outlines: departments, rings: rings, legend: legend)
                return WhatIfReportContext.Map(name: "\(scale.title) · \(outcome.variant.name)", drawing: map.drawing())
            }
        }
    }

    /// Consultation points are drawn in one dark colour so the fills underneath stay readable.
    static let pointColour = "#34495e"

    static func describe(_ value: Double?, _ scale: ChoroplethScale) -> String {
        value.map { FrenchVocabulary.number($0, places: max(1, scale.places)) + scale.unit } ?? "habitants inconnus"
    }

    /// The sites the plan used, as its territorial figures found them.
    private func usedPoints(_ outcome: WhatIfOutcome) -> [SVGMap.Point] {
        let used = Set(outcome.territories.usedSites)
        return outcome.scenario.sites.filter { used.contains($0.id) }.map { site in
            SVGMap.Point(
                location: site.location, value: nil, label: "\(site.name) (\(site.commune))", colour: Self.pointColour)
        }
    }

    /// Every commune of the base's zones, at its town hall, labelled with its zones.
    private func zoneRings(_ scenario: Scenario) -> [SVGMap.Point] {
        guard !scenario.zones.isEmpty, let directory = try? CommuneDirectory.shipped() else { return [] }
        var zonesOf: [String: [String]] = [:]
        for zone in scenario.zones {
            for code in zone.communes { zonesOf[code, default: []].append("\(zone.kind.rawValue) \(zone.name)") }
        }
        // The directory is in INSEE code order: the rings come out in that order too.
        return directory.communes.compactMap { commune in
            zonesOf[commune.inseeCode].map { zones in
                SVGMap.Point(
                    location: commune.location, value: nil,
                    label: "\(commune.name) : \(zones.joined(separator: ", "))")
            }
        }
    }
}
