import Hummingbird

/// Responses of the pages: French HTML, never cached (they carry CSRF values and residents'
/// references), never framed (a one-click confirm inside a hostile frame would be clickjacking).
enum HTMLResponse {
    static let mediaType = "text/html; charset=utf-8"

    static func make(_ html: String, status: HTTPResponse.Status = .ok, cookie: Cookie? = nil) -> Response {
        var response = Response(
            status: status, headers: headers([.contentType: mediaType]),
            body: .init(byteBuffer: ByteBuffer(string: html)))
        if let cookie { response.setCookie(cookie) }
        return response
    }

    /// 303 See Other: the browser follows with a GET, so reloading the result never posts twice.
    static func redirect(to location: String, cookie: Cookie? = nil) -> Response {
        var response = Response(status: .seeOther, headers: headers([.location: location]))
        if let cookie { response.setCookie(cookie) }
        return response
    }

    private static func headers(_ fields: HTTPFields) -> HTTPFields {
        var all = fields
        all[.cacheControl] = "no-store"
        all[.init("X-Frame-Options")!] = "DENY"
        all[.init("Referrer-Policy")!] = "no-referrer"
        return all
    }
}
