import Foundation
import Hummingbird

/// A posted HTML form (`application/x-www-form-urlencoded`) as name–value pairs in order, so a
/// group of checkboxes keeps every value it sent.
struct HTMLForm: Sendable {
    private(set) var fields: [(name: String, value: String)] = []

    init(_ text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            fields.append((Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : ""))
        }
    }

    /// The body of `request`, refused with 413 above `limit` bytes (the API's limit).
    static func read(_ request: Request, limit: Int) async throws -> HTMLForm {
        let buffer = try await request.body.collect(upTo: limit)
        return HTMLForm(String(buffer: buffer))
    }

    /// The first value sent under `name`, or the empty string (an unticked box sends nothing).
    subscript(name: String) -> String {
        fields.first { $0.name == name }?.value ?? ""
    }

    /// Every value sent under `name`, in order.
    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// `+` is a space in this encoding (HTML's), then percent-escapes.
    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
