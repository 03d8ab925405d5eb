import Foundation
import Hummingbird
import TelemedCore

/// Reads API bodies strictly: at most the configured size (413 beyond it), `application/json`
/// only (415), decoded with the scenario format's conventions, and every field the type does not
/// define refused (400) with its JSON path, so a typo never passes silently. `null` is refused
/// too (an optional field is omitted, not null), so every accepted body matches the OpenAPI
/// document exactly.
struct StrictJSON {
    let limit: Int

    func decode<Value: Codable>(_ type: Value.Type, from request: Request) async throws -> Value {
        var request = request
        if let type = request.headers[.contentType], !type.lowercased().hasPrefix("application/json") {
            throw APIError.unsupportedMediaType
        }
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw APIError.bodyTooLarge(limit: limit)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError.bodyTooLarge(limit: limit)
        }
        return try decode(type, from: Data(buffer: buffer))
    }

    func decode<Value: Codable>(_ type: Value.Type, from data: Data) throws -> Value {
        guard let original = try? JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed) else {
            throw APIError.invalidBody(path: "", message: "the body is not valid JSON")
        }
        let value: Value
        do {
            value = try ScenarioCoder.decode(type, from: data)
        } catch {
            throw APIError.invalidBody(path: error.path, message: error.message)
        }
        // What the type keeps is what it writes back: a key of the body missing from the
        // re-encoded value is one the type does not know.
        let kept = try JSONSerialization.jsonObject(with: ScenarioCoder.encode(value), options: .fragmentsAllowed)
        if let (path, isNull) = Self.firstUnknownKey(in: original, comparedTo: kept, path: "") {
            throw APIError.invalidBody(
                path: path, message: isNull ? "null is not accepted; omit the field" : "unknown field")
        }
        return value
    }

    /// The path of the first key the type did not keep, and whether its value was null.
    private static func firstUnknownKey(in original: Any, comparedTo kept: Any, path: String) -> (String, Bool)? {
        switch (original, kept) {
        case (let object as [String: Any], let keptObject as [String: Any]):
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let keptValue = keptObject[key] else { return (child, object[key] is NSNull) }
                if let found = firstUnknownKey(in: object[key]!, comparedTo: keptValue, path: child) { return found }
            }
        case (let array as [Any], let keptArray as [Any]):
            for (index, element) in zip(array.indices, array) where index < keptArray.count {
                if let found = firstUnknownKey(in: element, comparedTo: keptArray[index], path: "\(path)[\(index)]") {
                    return found
                }
            }
        default: break
        }
        return nil
    }
}
