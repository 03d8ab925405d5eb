import Foundation
import TelemedCore

/// Sites and unit depots drawn from their coordinates (equirectangular projection around the
/// region's mean latitude), sites coloured by a value from red (0) to green (1), unit routes as
/// lines, and optionally territories: filled areas (a choropleth), outlines, hollow rings (the
/// communes of a zone) and a legend under the map. No map tiles, nothing fetched from the
/// internet. The projection is computed here; `map.mustache` writes it (a page includes it as a
/// partial inside a section holding a ``Drawing``). With areas or outlines, they set the frame.
public struct SVGMap: Sendable {
    public struct Point: Sendable {
        public var location: GeoPoint
        /// 0…1, or nil (grey).
        public var value: Double?
        public var label: String
        /// A short text drawn beside the point (a stop's number on a crew's map).
        public var mark: String?
        /// A fixed fill instead of the value's (points over a choropleth).
        public var colour: String?

        public init(location: GeoPoint, value: Double?, label: String, mark: String? = nil, colour: String? = nil) {
            self.location = location
            self.value = value
            self.label = label
            self.mark = mark
            self.colour = colour
        }
    }

    /// A unit's day: the depot, its stops in order, the depot again.
    public struct Route: Sendable {
        public var label: String
        public var points: [GeoPoint]
        /// Routes of one group share a colour (a unit's days).
        public var group: Int

        public init(label: String, points: [GeoPoint], group: Int = 0) {
            self.label = label
            self.points = points
            self.group = group
        }
    }

    public var title: String
    public var sites: [Point]
    public var depots: [Point]
    public var routes: [Route]
    /// Filled territories, drawn first (an EPCI coloured by an indicator).
    public var areas: [Area]
    /// Territories drawn as borders only, over the areas (departments).
    public var outlines: [Area]
    /// Hollow circles over everything but the depots (the communes of a zone).
    public var rings: [Point]
    public var legend: Legend?

    public init(
        title: String, sites: [Point], depots: [Point], routes: [Route] = [], areas: [Area] = [],
        outlines: [Area] = [], rings: [Point] = [], legend: Legend? = nil
    ) {
        self.title = title
        self.sites = sites
        self.depots = depots
        self.routes = routes
        self.areas = areas
        self.outlines = outlines
        self.rings = rings
        self.legend = legend
    }

    /// What `map.mustache` draws: coordinates already written as SVG numbers.
    public struct Drawing: Sendable {
        struct Line: Sendable {
            var points, stroke, label: String
        }

        struct Spot: Sendable {
            var x, y, radius, fill, label: String
            /// Zero or one mark: the stop's number beside it.
            var marks: [String]
        }

        struct Shape: Sendable {
            var path, fill, label: String
        }

        var viewBox: String
        var mapTitle: String
        var areaShapes: [Shape]
        var outlineShapes: [Shape]
        var lines: [Line]
        var spots: [Spot]
        var ringSpots: [Spot]
        var depotSpots: [Spot]
        var legendBox: LegendBox?
    }

    /// nil when there is nothing to place (no site, depot, route or territory).
    public func drawing(width: Double = 370, height: Double = 330) -> Drawing? {
        let territories = (areas + outlines).flatMap { $0.polygons.flatMap { $0.first ?? [] } }
        let all =
            territories.isEmpty
            ? sites.map(\.location) + depots.map(\.location) + routes.flatMap(\.points) + rings.map(\.location)
            : territories
        guard let first = all.first else { return nil }
        var minLat = first.latitude
        var maxLat = first.latitude
        var minLon = first.longitude
        var maxLon = first.longitude
        for point in all {
            minLat = min(minLat, point.latitude)
            maxLat = max(maxLat, point.latitude)
            minLon = min(minLon, point.longitude)
            maxLon = max(maxLon, point.longitude)
        }
        let scaleX = cos((minLat + maxLat) / 2 * .pi / 180)
        let spanX = max(0.01, (maxLon - minLon) * scaleX)
        let spanY = max(0.01, maxLat - minLat)
        let scale = min((width - 20) / spanX, (height - 20) / spanY)
        func project(_ point: GeoPoint) -> (x: String, y: String) {
            (
                SVGNumber.format(10 + (point.longitude - minLon) * scaleX * scale),
                SVGNumber.format(height - 10 - (point.latitude - minLat) * scale)
            )
        }
        let lines = routes.filter { $0.points.count > 1 }.map { route in
            Drawing.Line(
                points: route.points.map(project).map { "\($0.x),\($0.y)" }.joined(separator: " "),
                stroke: SVGBarChart.colour(route.group), label: route.label)
        }
        let spots = sites.map { site in
            let (x, y) = project(site.location)
            return Drawing.Spot(
                x: x, y: y, radius: site.mark != nil ? "5" : site.colour != nil ? "1.8" : "2.6",
                fill: site.colour ?? Self.colour(site.value), label: site.label,
                marks: site.mark.map { [$0] } ?? [])
        }
        let depotSpots = depots.map { depot in
            let (x, y) = project(depot.location)
            return Drawing.Spot(x: x, y: y, radius: "4", fill: "#000", label: depot.label, marks: [])
        }
        let ringSpots = rings.map { ring in
            let (x, y) = project(ring.location)
            return Drawing.Spot(x: x, y: y, radius: "4.5", fill: "none", label: ring.label, marks: [])
        }
        func shape(_ area: Area) -> Drawing.Shape {
            let path = area.polygons.flatMap { $0 }.filter { $0.count > 2 }.map { ring in
                "M" + ring.map(project).map { "\($0.x) \($0.y)" }.joined(separator: "L") + "Z"
            }.joined()
            return Drawing.Shape(path: path, fill: area.fill ?? "none", label: area.label)
        }
        let legendBox = legend.map { LegendBox($0, top: height, width: width) }
        return Drawing(
            viewBox: "0 0 \(Int(width)) \(Int(height + (legendBox?.height ?? 0)))", mapTitle: title,
            areaShapes: areas.map(shape), outlineShapes: outlines.map(shape), lines: lines, spots: spots,
            ringSpots: ringSpots, depotSpots: depotSpots, legendBox: legendBox)
    }

    /// The map alone, as `<svg>…</svg>`; empty when there is nothing to place.
    public func render(width: Double = 370, height: Double = 330) -> String {
        drawing(width: width, height: height).map { TelemedHTML.library.render($0, "map") } ?? ""
    }

    /// Red → amber → green.
    public static func colour(_ value: Double?) -> String {
        guard let value else { return "#aab7b8" }
        let v = max(0, min(1, value))
        let red = v < 0.5 ? 220 : Int(220 - (v - 0.5) * 2 * 180)
        let green = v < 0.5 ? Int(60 + v * 2 * 150) : 180
        return String(format: "#%02x%02x%02x", red, green, 60)
    }
}
