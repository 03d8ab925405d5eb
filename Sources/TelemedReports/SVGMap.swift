import Foundation
import TelemedCore

/// Sites and unit depots drawn from their coordinates (equirectangular projection around the
/// region's mean latitude), sites coloured by a value from red (0) to green (1): no map tiles,
/// nothing fetched from the internet.
struct SVGMap {
    struct Point {
        var location: GeoPoint
        /// 0…1, or nil (grey).
        var value: Double?
        var label: String
    }

    var title: String
    var sites: [Point]
    var depots: [Point]

    func render(width: Double = 370, height: Double = 330) -> String {
        let all = sites.map(\.location) + depots.map(\.location)
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
        func project(_ point: GeoPoint) -> (Double, Double) {
            (10 + (point.longitude - minLon) * scaleX * scale, height - 10 - (point.latitude - minLat) * scale)
        }
        var svg =
            "<svg class=\"map\" role=\"img\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" xmlns=\"http://www.w3.org/2000/svg\">"
            + "<title>\(HTML.escape(title))</title><rect width=\"100%\" height=\"100%\" fill=\"#f4f6f7\"/>"
        for site in sites {
            let (x, y) = project(site.location)
            svg +=
                "<circle cx=\"\(String(format: "%.1f", x))\" cy=\"\(String(format: "%.1f", y))\" r=\"2.6\""
                + " fill=\"\(Self.colour(site.value))\"><title>\(HTML.escape(site.label))</title></circle>"
        }
        for depot in depots {
            let (x, y) = project(depot.location)
            svg +=
                "<rect x=\"\(String(format: "%.1f", x - 4))\" y=\"\(String(format: "%.1f", y - 4))\" width=\"8\" height=\"8\""
                + " fill=\"#000\"><title>\(HTML.escape(depot.label))</title></rect>"
        }
        return svg + "</svg>"
    }

    /// Red → amber → green.
    static func colour(_ value: Double?) -> String {
        guard let value else { return "#aab7b8" }
        let v = max(0, min(1, value))
        let red = v < 0.5 ? 220 : Int(220 - (v - 0.5) * 2 * 180)
        let green = v < 0.5 ? Int(60 + v * 2 * 150) : 180
        return String(format: "#%02x%02x%02x", red, green, 60)
    }
}
