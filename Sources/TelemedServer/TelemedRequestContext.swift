import Foundation
import Hummingbird

/// The request context of every telemed route.
///
/// Its encoder sorts keys: `JSONEncoder` key order is not stable on Linux, and API responses are
/// compared byte for byte (tests, ETags).
public struct TelemedRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
    }

    public var responseEncoder: JSONEncoder {
        Self.makeEncoder()
    }

    /// The one JSON encoder configuration for everything the server writes.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
