import Foundation
import TelemedTestSupport
import Testing

/// A person at the pages of a running server, driven over HTTP with curl: it keeps the session
/// cookie, reads each form's CSRF value from the HTML it was given, and does not follow redirects
/// (the test checks the 303 and its `Location`). Chromium shows the same pages; this does the
/// clicking, which Chromium's command line cannot.
final class PageVisitor {
    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: String

        var location: String? { headers["location"] }
    }

    let base: URL
    private(set) var cookie: String?

    /// `cookie`: a session opened elsewhere (another replica of the same database).
    init(base: URL, cookie: String? = nil) {
        self.base = base
        self.cookie = cookie
    }

    func get(_ path: String) throws -> Reply {
        try curl(["-X", "GET"], path)
    }

    /// Posts `fields` to `action` with the CSRF value of the form posting there in `page`.
    func post(_ action: String, fields: [(String, String)], csrfFrom page: String) throws -> Reply {
        let csrf = try #require(Self.csrf(in: page, action: action), "no form posts to \(action)")
        return try post(action, fields: [("csrf", csrf)] + fields)
    }

    func post(_ action: String, fields: [(String, String)]) throws -> Reply {
        try curl(["-X", "POST"] + fields.flatMap { ["--data-urlencode", "\($0.0)=\($0.1)"] }, action)
    }

    /// Signs in with `token` through the login form; returns where the server sent us.
    func signIn(_ token: String, next: String? = nil) throws -> Reply {
        let login = try get("/")
        let reply = try post(
            "/connexion", fields: [("token", token)] + (next.map { [("next", $0)] } ?? []), csrfFrom: login.body)
        if let setCookie = reply.headers["set-cookie"] {
            cookie = setCookie.split(separator: ";").first.map(String.init)
        }
        return reply
    }

    static func csrf(in html: String, action: String) -> String? {
        csrf(after: "action=\"\(action)\"><input type=\"hidden\" name=\"csrf\" value=\"", in: html)
    }

    static func csrf(in html: String, actionEndingWith suffix: String) -> String? {
        csrf(after: "\(suffix)\"><input type=\"hidden\" name=\"csrf\" value=\"", in: html)
    }

    private static func csrf(after marker: String, in html: String) -> String? {
        html.range(of: marker).map { String(html[$0.upperBound...].prefix(64)) }
    }

    static func proposals(in html: String) -> [String] {
        html.components(separatedBy: "name=\"proposal\" value=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    private func curl(_ arguments: [String], _ path: String) throws -> Reply {
        let url = URL(string: path, relativeTo: base)!.absoluteString
        let cookieHeader = cookie.map { ["-H", "Cookie: \($0)"] } ?? []
        let result = try TestProcess.run(
            URL(fileURLWithPath: "/usr/bin/curl"),
            ["-sS", "-i", "--max-time", "60"] + cookieHeader + arguments + [url],
            timeout: .seconds(90))
        #expect(result.status == 0, "curl: \(result.error)")
        guard let split = result.output.range(of: "\r\n\r\n") else { return Reply(status: 0, headers: [:], body: "") }
        let lines = result.output[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(
                in: .whitespaces)
        }
        return Reply(status: status, headers: headers, body: String(result.output[split.upperBound...]))
    }
}
