import Foundation
import Hummingbird

/// A JSON response written with the server's one encoder (sorted keys, scenario instants).
enum JSONResponse {
    static func make<Value: Encodable>(
        _ value: Value, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]
    ) throws -> Response {
        let data = try TelemedRequestContext.encoder.encode(value)
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .contentLength: String(data.count)]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
