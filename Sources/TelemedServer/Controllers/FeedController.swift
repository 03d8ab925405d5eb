import Foundation
import Hummingbird
import TelemedStore

/// `GET /feeds/{secret}.ics`: one owner's calendar, revalidated cheaply by `ETag`. The secret is
/// the only credential, so an unknown or revoked one is a plain 404 that never echoes it.
struct FeedController: Sendable {
    let feeds: FeedCache

    static let mediaType = "text/calendar; charset=utf-8"

    func addRoutes(to routes: RouteTable) {
        routes.on(.get, "feeds/{file}", use: feed)
    }

    @Sendable func feed(_ request: Request, context: TelemedRequestContext) async throws -> Response {
        let file = try context.parameters.require("file")
        guard file.hasSuffix(".ics"), let entry = try await feeds.feed(forSecret: String(file.dropLast(4)))
        else { throw HTTPError(.notFound) }
        var headers: HTTPFields = [
            .eTag: entry.etag, .lastModified: HTTPDate.format(entry.lastModified),
            .cacheControl: "no-cache",
        ]
        if let match = request.headers[.ifNoneMatch], Self.matches(match, entry.etag) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentType] = Self.mediaType
        headers[.contentLength] = String(entry.body.readableBytes)
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: entry.body))
    }

    /// `If-None-Match`: `*`, or a list of entity tags, weak ones compared weakly (RFC 9110 13.1.2).
    static func matches(_ header: String, _ etag: String) -> Bool {
        header.split(separator: ",").contains { candidate in
            let tag = candidate.trimmingCharacters(in: .whitespaces)
            return tag == "*" || tag == etag || tag == "W/" + etag
        }
    }
}

/// IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), the one HTTP date format a server sends;
/// written by hand because it must not depend on the machine's locale.
enum HTTPDate {
    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "GMT")!
        let c = calendar.dateComponents([.weekday, .day, .month, .year, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { value.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
        return "\(days[c.weekday! - 1]), \(two(c.day)) \(months[c.month! - 1]) \(c.year!) "
            + "\(two(c.hour)):\(two(c.minute)):\(two(c.second)) GMT"
    }
}
