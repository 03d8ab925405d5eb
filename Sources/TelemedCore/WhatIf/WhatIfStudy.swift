import Foundation

/// A what-if file (`Scenarios/whatif/`): a base scenario and named variants, each a list of
/// changes. The base is always compared too, as the first column.
///
/// ```json
/// {"formatVersion": 1, "name": "Une deuxième unité en Nièvre", "base": "../bfc-demo.json",
///  "zones": "../zones/bfc-zones.csv",
///  "variants": [{"name": "unité Château-Chinon", "description": "…", "changes": [ … ]}]}
/// ```
public struct WhatIfStudy: Codable, Hashable, Sendable {
    public static let currentFormatVersion = 1

    public var formatVersion: Int
    public var name: String
    /// The base scenario file, relative to the what-if file's folder unless absolute.
    public var base: String
    /// An agency's zones file (`insee_code,zone,kind`, as `telemed zones import` reads), relative
    /// like `base`: its zones join the base's, so every variant's, replacing any of the same name.
    /// How a study brings an agency's zoning to a shipped demo without editing the demo.
    public var zones: String?
    public var variants: [WhatIfVariant]

    public init(
        formatVersion: Int = WhatIfStudy.currentFormatVersion, name: String, base: String, zones: String? = nil,
        variants: [WhatIfVariant]
    ) {
        self.formatVersion = formatVersion
        self.name = name
        self.base = base
        self.zones = zones
        self.variants = variants
    }

    /// Reads a what-if file; a malformed one throws ``ScenarioDecodingError`` naming the JSON path.
    public static func load(contentsOf url: URL) throws(ScenarioDecodingError) -> WhatIfStudy {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ScenarioDecodingError(path: "", message: "cannot read \(url.path): \(error.localizedDescription)")
        }
        return try ScenarioCoder.decode(WhatIfStudy.self, from: data)
    }

    /// The base scenario's location for a what-if file at `url`.
    public func baseURL(relativeTo url: URL) -> URL { Self.resolve(base, relativeTo: url) }

    /// The zones file's location for a what-if file at `url`; nil without one.
    public func zonesURL(relativeTo url: URL) -> URL? { zones.map { Self.resolve($0, relativeTo: url) } }

    private static func resolve(_ path: String, relativeTo url: URL) -> URL {
        path.hasPrefix("/")
            ? URL(fileURLWithPath: path) : url.deletingLastPathComponent().appendingPathComponent(path).standardized
    }
}

/// One named variant of a study.
public struct WhatIfVariant: Codable, Hashable, Sendable {
    public var name: String
    public var description: String?
    public var changes: [WhatIfChange]

    public init(name: String, description: String? = nil, changes: [WhatIfChange]) {
        self.name = name
        self.description = description
        self.changes = changes
    }
}
