import Foundation
import TelemedCore
import Testing

/// The shipped outlines: one per metropolitan department and per intercommunality a shipped
/// commune belongs to, and GeoJSON that is not outlines refused.
@Suite("Shipped outlines")
struct OutlineAtlasTests {
    @Test("every metropolitan department and every shipped commune's EPCI has an outline with rings")
    func complete() throws {
        let atlas = try OutlineAtlas.shipped()
        let directory = try CommuneDirectory.shipped()
        let metropolitan = Set(
            directory.departments.filter { department in
                directory.metropolitanRegions.contains { $0.code == department.regionCode }
            }.map(\.code))
        #expect(Set(atlas.departments.map(\.code)) == metropolitan)
        #expect(metropolitan.count == 96)
        let epcis = Set(directory.communes.compactMap(\.intercommunality?.siren))
        #expect(Set(atlas.intercommunalities.map(\.code)) == epcis)
        for outline in atlas.departments + atlas.intercommunalities {
            #expect(!outline.polygons.isEmpty && outline.polygons.allSatisfy { $0.allSatisfy { $0.count >= 4 } })
        }
        // Nièvre lies around 47° N, 3.5° E.
        let nievre = try #require(atlas.departments.first { $0.code == "58" })
        let ring = nievre.polygons.flatMap { $0[0] }
        #expect(ring.allSatisfy { (46.5...47.6).contains($0.latitude) && (2.8...4.3).contains($0.longitude) })
    }

    @Test("a Polygon or MultiPolygon reads, longitude first; a Point or a short position is refused")
    func geoJSON() throws {
        let polygon = #"""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"58","name":"Nièvre"},
            "geometry":{"type":"Polygon","coordinates":[[[3.1,47.0],[3.2,47.0],[3.2,47.1],[3.1,47.0]]]}}]}
            """#
        let outlines = try OutlineAtlas.outlines(geoJSON: Data(polygon.utf8))
        #expect(outlines.first?.polygons.first?.first?.first == GeoPoint(latitude: 47.0, longitude: 3.1))
        for geometry in [#"{"type":"Point","coordinates":[3.1,47.0]}"#, #"{"type":"Polygon","coordinates":[[[3.1]]]}"#]
        {
            let text =
                #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"1","name":"x"},"geometry":"#
                + geometry + "}]}"
            #expect(throws: DecodingError.self) { try OutlineAtlas.outlines(geoJSON: Data(text.utf8)) }
        }
    }
}
