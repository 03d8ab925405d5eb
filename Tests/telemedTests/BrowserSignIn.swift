import Foundation
import TelemedTestSupport

/// Signs headless Chromium in the only way its command line allows: a local page whose form
/// posts the access code to the real `/connexion` and submits itself, as a person pressing
/// "Se connecter" would. The browser keeps the session cookie for that one run, follows the 303
/// (to `next` when given) and renders the page it lands on.
enum BrowserSignIn {
    /// The local page (in a temporary folder); `csrf` is the login form's value read from `/`.
    static func page(server: URL, token: String, csrf: String, next: String?) throws -> URL {
        let folder = TestPaths.temporaryFolder("sign-in")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("connexion.html")
        let action = URL(string: "/connexion", relativeTo: server)!.absoluteString
        let fields = [("csrf", csrf), ("token", token)] + (next.map { [("next", $0)] } ?? [])
        let inputs = fields.map { "<input type=\"hidden\" name=\"\($0.0)\" value=\"\($0.1)\">" }.joined()
        let html =
            "<!doctype html><html lang=\"fr\"><meta charset=\"utf-8\"><title>Connexion</title>"
            + "<form method=\"post\" action=\"\(action)\">\(inputs)</form>"
            + "<script>document.forms[0].submit()</script></html>"
        try Data(html.utf8).write(to: file)
        return file
    }
}
