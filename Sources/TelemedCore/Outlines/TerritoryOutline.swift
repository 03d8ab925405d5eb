import Foundation

/// The outline of a department or an intercommunality (EPCI), for drawing maps: polygons of
/// WGS 84 positions simplified to about a kilometre (departments) or 400 m (EPCI), not for
/// measuring areas. See `Resources/Outlines/SOURCE.md`.
public struct TerritoryOutline: Hashable, Sendable {
    /// A department's code ("58") or an EPCI's SIREN ("200067254").
    public var code: String
    public var name: String
    /// Each polygon's rings: the outer ring first, then its holes, as GeoJSON orders them.
    public var polygons: [[[GeoPoint]]]
}

/// Every metropolitan department's and intercommunality's outline shipped with telemed, read once
/// per process on first use.
///
/// ```swift
/// let atlas = try OutlineAtlas.shipped()
/// atlas.departments.filter { ["21", "58"].contains($0.code) }
/// ```
public struct OutlineAtlas: Sendable {
    public let departments: [TerritoryOutline]
    public let intercommunalities: [TerritoryOutline]

    public static func shipped() throws(GenerationError) -> OutlineAtlas { try shippedFiles.get() }

    private static let shippedFiles = Result { () throws(GenerationError) -> OutlineAtlas in
        try OutlineAtlas(
            departments: read("departements-metropole"), intercommunalities: read("epci-metropole"))
    }

    private static func read(_ name: String) throws(GenerationError) -> [TerritoryOutline] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "geojson", subdirectory: "Outlines") else {
            throw .unreadableFile("\(name).geojson is missing from telemed's resources (Outlines/): reinstall telemed")
        }
        do {
            return try outlines(geoJSON: Data(contentsOf: url))
        } catch {
            throw .unreadableFile("\(url.path): \(error)")
        }
    }

    /// The features of a GeoJSON FeatureCollection whose properties hold `code` and `name` and
    /// whose geometries are Polygons or MultiPolygons.
    public static func outlines(geoJSON: Data) throws -> [TerritoryOutline] {
        try JSONDecoder().decode(FeatureCollection.self, from: geoJSON).features.map { feature in
            TerritoryOutline(
                code: feature.properties.code, name: feature.properties.name,
                polygons: feature.geometry.polygons.map { polygon in
                    polygon.map { ring in
                        ring.map { position in GeoPoint(latitude: position[1], longitude: position[0]) }
                    }
                })
        }
    }

    private struct FeatureCollection: Decodable {
        struct Feature: Decodable {
            struct Properties: Decodable {
                var code: String
                var name: String
            }
            var properties: Properties
            var geometry: Geometry
        }
        var features: [Feature]
    }

    /// Longitude first, as GeoJSON says; every position has at least two numbers.
    private struct Geometry: Decodable {
        var polygons: [[[[Double]]]]

        private enum CodingKeys: String, CodingKey { case type, coordinates }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            switch try container.decode(String.self, forKey: .type) {
            case "Polygon": polygons = [try container.decode([[[Double]]].self, forKey: .coordinates)]
            case "MultiPolygon": polygons = try container.decode([[[[Double]]]].self, forKey: .coordinates)
            case let other:
                throw DecodingError.dataCorruptedError(
                    forKey: .type, in: container, debugDescription: "a \(other) is not an outline")
            }
            guard polygons.allSatisfy({ $0.allSatisfy { $0.allSatisfy { $0.count >= 2 } } }) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .coordinates, in: container, debugDescription: "a position has fewer than two numbers")
            }
        }
    }
}
