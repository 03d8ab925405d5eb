import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// What the page tests read from HTML and send back: the CSRF value of the form posting to an
/// action, a form body, and the session cookie a sign-in sets.
enum PageForms {
    /// The CSRF value of the first form whose action is `action` (FormView writes it first).
    static func csrf(in html: String, action: String) -> String? {
        guard let form = html.range(of: "action=\"\(action)\"") else { return nil }
        let rest = html[form.upperBound...]
        guard let field = rest.range(of: "name=\"csrf\" value=\"") else { return nil }
        return String(rest[field.upperBound...].prefix(64))
    }

    /// The CSRF value of the first form whose action ends with `suffix` (`/cancel`).
    static func csrf(in html: String, actionEndingWith suffix: String) -> String? {
        guard let end = html.range(of: "\(suffix)\"><input type=\"hidden\" name=\"csrf\" value=\"") else { return nil }
        return String(html[end.upperBound...].prefix(64))
    }

    /// The ids of the proposals offered (`name="proposal" value="P-…"`), in order.
    static func proposals(in html: String) -> [String] {
        html.components(separatedBy: "name=\"proposal\" value=\"").dropFirst().map {
            String($0.prefix { $0 != "\"" })
        }
    }

    static func body(_ fields: [(String, String)]) -> ByteBuffer {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let text = fields.map {
            "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)"
        }.joined(separator: "&")
        return ByteBuffer(string: text)
    }

    static func headers(cookie: String? = nil) -> HTTPFields {
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        return headers
    }

    /// `telemed_session=…` from a `Set-Cookie`, ready for a `Cookie` header.
    static func sessionCookie(_ setCookie: String?) -> String? {
        setCookie?.split(separator: ";").first.map(String.init)
    }

    /// Signs in with `token` and returns the cookie and the landing path.
    static func signIn(_ client: some TestClientProtocol, token: String) async throws -> (cookie: String, home: String)
    {
        let login = try await client.execute(uri: "/", method: .get)
        let value = try #require(Self.csrf(in: String(buffer: login.body), action: "/connexion"))
        let response = try await client.execute(
            uri: "/connexion", method: .post, headers: headers(), body: body([("csrf", value), ("token", token)]))
        #expect(response.status == .seeOther)
        let cookie = try #require(sessionCookie(response.headers[.setCookie]))
        return (cookie, try #require(response.headers[.location]))
    }

    /// Signs in with `token` and opens `path` (the landing page when nil): the cookie, the landing
    /// path and the page's HTML.
    static func signedInPage(
        _ client: some TestClientProtocol, token: String, path: String? = nil
    ) async throws -> (cookie: String, home: String, html: String) {
        let (cookie, home) = try await signIn(client, token: token)
        let page = try await client.execute(uri: path ?? home, method: .get, headers: [.cookie: cookie])
        #expect(page.status == .ok)
        return (cookie, home, String(buffer: page.body))
    }

    /// The request form's fields for a dermatology consultation at the EHPAD, as staff fill it in.
    static func dermatologyRequest(resident: String, consent: Bool = true) -> [(String, String)] {
        [
            ("residentReference", resident), ("specialty", "dermatology"), ("mode", "live"),
            ("urgency", "soon"), ("equipment", "dermatoscope"), ("notes", "note privée"),
            ("consentGivenBy", consent ? "representative" : ""), ("consentRecordedOn", "2027-03-15"),
        ]
    }

    /// Posts the request form of the staff page `html` (of `site`, `/sites/…`) with `fields`.
    static func ask(
        _ client: some TestClientProtocol, site: String, cookie: String, page html: String,
        fields: [(String, String)]
    ) async throws -> TestResponse {
        try await post(client, action: "\(site)/demandes", cookie: cookie, page: html, fields: fields)
    }

    /// Posts the form of `html` whose action is `action`, with its CSRF value and `fields`.
    static func post(
        _ client: some TestClientProtocol, action: String, cookie: String, page html: String,
        fields: [(String, String)] = []
    ) async throws -> TestResponse {
        let csrf = try #require(Self.csrf(in: html, action: action))
        return try await client.execute(
            uri: action, method: .post, headers: headers(cookie: cookie), body: body([("csrf", csrf)] + fields))
    }
}
