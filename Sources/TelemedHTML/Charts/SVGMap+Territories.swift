import TelemedCore

extension SVGMap {
    /// A territory on the map: its outline's polygons, a fill (nil for a border only) and the
    /// text a reader sees on hovering it.
    public struct Area: Sendable {
        public var polygons: [[[GeoPoint]]]
        public var fill: String?
        public var label: String

        public init(polygons: [[[GeoPoint]]], fill: String?, label: String) {
            self.polygons = polygons
            self.fill = fill
            self.label = label
        }
    }

    /// What the colours and marks mean, drawn under the map in two columns.
    public struct Legend: Sendable {
        public struct Entry: Sendable {
            public enum Mark: Sendable {
                /// A filled square: a class of the choropleth.
                case swatch
                /// A filled dot: a consultation point.
                case dot
                /// A hollow ring: a zone's commune.
                case ring
                /// A black square: a unit's base.
                case depot
            }

            public var mark: Mark
            public var colour: String
            public var label: String

            public init(_ mark: Mark, colour: String, label: String) {
                self.mark = mark
                self.colour = colour
                self.label = label
            }
        }

        public var title: String
        public var entries: [Entry]

        public init(title: String, entries: [Entry]) {
            self.title = title
            self.entries = entries
        }
    }

    /// The legend laid out below a map `width` wide whose drawing ends at `top`.
    struct LegendBox: Sendable {
        struct Item: Sendable {
            var x, y, textX, textY, colour, label: String
            var isSwatch, isDot, isRing, isDepot: Bool
        }

        var titleX, titleY, title: String
        var items: [Item]
        var height: Double

        static let rowHeight = 15.0

        init(_ legend: Legend, top: Double, width: Double) {
            let rows = (legend.entries.count + 1) / 2
            title = legend.title
            titleX = "10"
            titleY = SVGNumber.format(top + 12)
            items = legend.entries.enumerated().map { index, entry in
                let x = 10 + Double(index / rows) * (width - 20) / 2
                let y = top + 20 + Double(index % rows) * Self.rowHeight
                return Item(
                    x: SVGNumber.format(x), y: SVGNumber.format(y), textX: SVGNumber.format(x + 14),
                    textY: SVGNumber.format(y + 9), colour: entry.colour, label: entry.label,
                    isSwatch: entry.mark == .swatch, isDot: entry.mark == .dot, isRing: entry.mark == .ring,
                    isDepot: entry.mark == .depot)
            }
            height = 26 + Double(rows) * Self.rowHeight
        }
    }
}
