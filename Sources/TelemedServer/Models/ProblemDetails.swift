import Foundation
import Hummingbird

/// An RFC 9457 problem document, the body of every error response.
///
/// `detail` is written for the client and never carries a stack trace, an SQL text or a patient name.
public struct ProblemDetails: Codable, Equatable, Sendable {
    public static let mediaType = "application/problem+json"

    /// `about:blank` until telemed documents its own problem types.
    public var type: String
    public var title: String
    public var status: Int
    public var detail: String
    /// Extension member of a 400 for a body that does not decode: the JSON path of the field.
    var field: String?
    /// Extension member of a 409 for a refused booking: each rule it would break.
    var collisions: [CollisionView]?

    public init(type: String = "about:blank", title: String, status: Int, detail: String) {
        self.type = type
        self.title = title
        self.status = status
        self.detail = detail
    }

    /// A problem for `status`, titled with the standard reason phrase.
    public init(status: HTTPResponse.Status, detail: String) {
        self.init(title: status.reasonPhrase, status: status.code, detail: detail)
    }

    /// The response carrying this problem, with sorted keys like every other telemed JSON.
    func response(headers extraHeaders: HTTPFields = [:]) -> Response {
        let data = (try? TelemedRequestContext.makeEncoder().encode(self)) ?? Data()
        var headers: HTTPFields = [.contentType: Self.mediaType, .contentLength: String(data.count)]
        headers.append(contentsOf: extraHeaders.filter { $0.name != .contentType && $0.name != .contentLength })
        return Response(
            status: HTTPResponse.Status(code: status),
            headers: headers,
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
