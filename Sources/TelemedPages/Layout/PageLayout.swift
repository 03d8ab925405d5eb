import TelemedReports

/// The frame every page shares: language, viewport, inline style, a skip link, the header with
/// the service's name and the page's navigation, then the page's own content in `<main>`.
struct PageLayout {
    struct Link {
        var label: String
        var href: String
    }

    var title: String
    var navigation: [Link] = []
    /// Extra `<head>` lines the caller built (a refresh), already HTML.
    var head: String = ""
    /// The page's content, already HTML.
    var main: String
    /// Script appended after the content, already safe (only constant text).
    var script: String = ""
    /// The sign-out page, linked last in the header ("Se déconnecter") on every page of someone
    /// signed in; nil on the login, sign-out and error pages.
    var signOut: String? = nil

    func render() -> String {
        let links = (navigation + (signOut.map { [Link(label: "Se déconnecter", href: $0)] } ?? [])).map {
            "<li><a href=\"\(HTML.escape($0.href))\">\(HTML.escape($0.label))</a></li>"
        }
        return """
            <!DOCTYPE html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            \(head)<title>\(HTML.escape(title)) · telemed</title>
            <style>\(PageStyle.css)</style>
            </head>
            <body>
            <a class="skip" href="#contenu">Aller au contenu</a>
            <header class="site-header"><p class="brand">telemed · téléconsultations</p>\
            \(links.isEmpty ? "" : "<nav aria-label=\"Navigation\"><ul>\(links.joined())</ul></nav>")</header>
            <main id="contenu" tabindex="-1">
            <h1>\(HTML.escape(title))</h1>
            \(main)
            </main>
            <footer><p>Les références des résidents sont pseudonymes : aucun nom ni diagnostic n’est affiché ni \
            transmis aux calendriers.</p></footer>
            \(script.isEmpty ? "" : "<script>\(script)</script>")
            </body>
            </html>

            """
    }
}
