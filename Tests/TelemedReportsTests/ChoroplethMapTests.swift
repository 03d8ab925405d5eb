import TelemedCore
import TelemedHTML
import Testing

@testable import TelemedReports
@testable import TelemedSolver

/// The report's choropleths: classes, colours and legends, and the map that draws territories.
@Suite("Choropleth maps")
struct ChoroplethMapTests {
    @Test("the share beyond 30 minutes falls in fixed classes, light to dark; no population is grey")
    func beyond30Minutes() {
        let scale = ChoroplethScale.beyond30Minutes
        #expect(scale.colour(0) == "#ffffb2" && scale.colour(4.9) == "#ffffb2")
        #expect(scale.colour(5) == "#fecc5c" && scale.colour(29.9) == "#fd8d3c")
        #expect(scale.colour(50) == "#bd0026" && scale.colour(100) == "#bd0026")
        #expect(scale.colour(nil) == ChoroplethScale.noData)
        #expect(
            scale.entries.map(\.label) == [
                "moins de 5\u{00A0}%", "5\u{00A0}% à 15\u{00A0}%", "15\u{00A0}% à 30\u{00A0}%",
                "30\u{00A0}% à 50\u{00A0}%", "50\u{00A0}% et plus", "habitants inconnus",
            ])
    }

    @Test("consultations per 1,000 in quintiles of the base, two significant digits, repeats dropped")
    func consultationQuintiles() {
        let scale = ChoroplethScale.consultations(base: (1...10).map { Double($0) * 0.123 })
        // Ranks 2, 4, 5 and 7 of ten (nearest to 1.8, 3.6, 5.4 and 7.2): 0.369, 0.615, 0.738, 0.984.
        #expect(scale.breaks == [0.37, 0.62, 0.74, 0.98])
        #expect(scale.palette.count == 5 && scale.places == 2)
        #expect(scale.colour(0.1) == "#eff3ff" && scale.colour(0.62) == "#6baed6" && scale.colour(3) == "#08519c")
        #expect(scale.entries.first?.label == "moins de 0,37")
        let flat = ChoroplethScale.consultations(base: [0, 0, 0, 2, 2])
        #expect(flat.breaks == [2] && flat.palette == ["#3182bd", "#08519c"])
        let none = ChoroplethScale.consultations(base: [0, 0])
        #expect(none.breaks.isEmpty && none.colour(0) == "#08519c" && none.entries[0].label == "toutes valeurs")
    }

    @Test("a map with areas frames them, fills them, draws outlines, rings and the legend below")
    func territoriesDrawn() throws {
        let square = [
            [
                GeoPoint(latitude: 47, longitude: 3), GeoPoint(latitude: 47, longitude: 4),
                GeoPoint(latitude: 48, longitude: 4), GeoPoint(latitude: 48, longitude: 3),
            ]
        ]
        let map = SVGMap(
            title: "Carte", sites: [], depots: [],
            areas: [SVGMap.Area(polygons: [square], fill: "#bd0026", label: "CC du Carré : 62 %")],
            outlines: [SVGMap.Area(polygons: [square], fill: nil, label: "Nièvre (58)")],
            rings: [SVGMap.Point(location: GeoPoint(latitude: 47.5, longitude: 3.5), value: nil, label: "ZIP")],
            legend: SVGMap.Legend(title: "Légende", entries: ChoroplethScale.beyond30Minutes.entries))
        let svg = map.render()
        #expect(svg.contains("<path class=\"area\" d=\"M") && svg.contains("fill=\"#bd0026\""))
        #expect(svg.contains("<path class=\"outline\"") && svg.contains("<title>Nièvre (58)</title>"))
        // The square is 310 high (330 − 20) and 0.5° × cos 47.5° × 310 = 104.7 from the left margin of 10.
        #expect(svg.contains("<circle class=\"zone\" cx=\"114.7\" cy=\"165.0\""), "the ring sits mid-square")
        #expect(svg.contains("<g class=\"legend\">") && svg.contains("50\u{00A0}% et plus"))
        // Three rows of two entries under the 330-high drawing: 26 + 3 × 15.
        #expect(svg.contains("viewBox=\"0 0 370 401\""))
    }

    @Test("the five worst territories: most inhabitants beyond 30 minutes, then fewest consultations")
    func worstOrder() {
        func epci(_ code: String, beyond: Int, rate: Double, population: Int = 1_000) -> TerritoryFigures {
            TerritoryFigures(
                level: .epci, code: code, name: "EPCI \(code)", population: population,
                populationWithin30Minutes: population - beyond * population / 100,
                populationWithin45Minutes: population, sites: 1, requests: 0, served: 0,
                consultationsPerThousand: rate, byUrgency: [], unitVisits: 0, unitKilometres: 0, specialistHours: 0)
        }
        let epcis = [
            epci("1", beyond: 10, rate: 1), epci("2", beyond: 60, rate: 4), epci("3", beyond: 10, rate: 0.5),
            epci("4", beyond: 0, rate: 0), epci("5", beyond: 30, rate: 2), epci("6", beyond: 0, rate: 3),
            epci("7", beyond: 90, rate: 9, population: 0),
        ]
        #expect(WhatIfReportPage.worst(epcis).map(\.code) == ["2", "5", "3", "1", "4"])
        let before = epcis[1]
        var after = before
        after.populationWithin30Minutes = 900
        after.consultationsPerThousand = 5
        #expect(
            WhatIfReportPage.change(from: before, to: after)
                == "10,0\u{00A0}% à plus de 30 min (−50,0 points), 5,0 consultations pour 1\u{202F}000 habitants (+1,0)."
        )
        #expect(WhatIfReportPage.change(from: before, to: before) == "rien ne change ici.")
    }
}
