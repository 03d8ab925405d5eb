import Foundation
import TelemedCore

/// Sites and unit depots drawn from their coordinates (equirectangular projection around the
/// region's mean latitude), sites coloured by a value from red (0) to green (1), unit routes as
/// lines: no map tiles, nothing fetched from the internet.
public struct SVGMap: Sendable {
    public struct Point: Sendable {
        public var location: GeoPoint
        /// 0…1, or nil (grey).
        public var value: Double?
        public var label: String
        /// A short text drawn beside the point (a stop's number on a crew's map).
        public var mark: String?

        public init(location: GeoPoint, value: Double?, label: String, mark: String? = nil) {
            self.location = location
            self.value = value
            self.label = label
            self.mark = mark
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

    public init(title: String, sites: [Point], depots: [Point], routes: [Route] = []) {
        self.title = title
        self.sites = sites
        self.depots = depots
        self.routes = routes
    }

    public func render(width: Double = 370, height: Double = 330) -> String {
        let all = sites.map(\.location) + depots.map(\.location) + routes.flatMap(\.points)
        guard let first = all.first else { return "" }
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
                format(10 + (point.longitude - minLon) * scaleX * scale),
                format(height - 10 - (point.latitude - minLat) * scale)
            )
        }
        var svg =
            "<svg class=\"map\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title>\(HTML.escape(title))</title><rect width=\"100%\" height=\"100%\" fill=\"#f4f6f7\"/>"
        for route in routes where route.points.count > 1 {
            let points = route.points.map {
                let p = project($0)
                return "\(p.x),\(p.y)"
            }.joined(separator: " ")
            svg +=
                "<polyline points=\"\(points)\" fill=\"none\" stroke-width=\"1.6\" stroke-opacity=\"0.8\""
                + " stroke=\"\(SVGBarChart.palette[route.group % SVGBarChart.palette.count])\">"
                + "<title>\(HTML.escape(route.label))</title></polyline>"
        }
        for site in sites {
            let (x, y) = project(site.location)
            svg +=
                "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(site.mark == nil ? "2.6" : "5")\" stroke=\"#1c2833\""
                + " stroke-width=\"0.4\" fill=\"\(Self.colour(site.value))\"><title>\(HTML.escape(site.label))</title></circle>"
            if let mark = site.mark {
                svg += "<text x=\"\(x)\" y=\"\(y)\" dx=\"7\" dy=\"4\" class=\"mark\">\(HTML.escape(mark))</text>"
            }
        }
        for depot in depots {
            let (x, y) = project(depot.location)
            svg +=
                "<rect x=\"\(x)\" y=\"\(y)\" transform=\"translate(-4 -4)\" width=\"8\" height=\"8\""
                + " fill=\"#000\"><title>\(HTML.escape(depot.label))</title></rect>"
        }
        return svg + "</svg>"
    }

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Red → amber → green.
    public static func colour(_ value: Double?) -> String {
        guard let value else { return "#aab7b8" }
        let v = max(0, min(1, value))
        let red = v < 0.5 ? 220 : Int(220 - (v - 0.5) * 2 * 180)
        let green = v < 0.5 ? Int(60 + v * 2 * 150) : 180
        return String(format: "#%02x%02x%02x", red, green, 60)
    }
}
