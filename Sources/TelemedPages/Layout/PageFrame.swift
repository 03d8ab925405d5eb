/// What `layout.mustache` (every page's frame: language, viewport, inline style, a skip link, the
/// header with the service's name and the page's navigation, the footer) needs from a page. Each
/// page's context holds one as `frame`, read with dotted names (`frame.title`) so nothing in a
/// page's own content can stand in for it.
struct PageFrame {
    struct Link {
        var label, href: String
    }

    var title: String
    var links: [Link]
    var hasLinks: Bool
    /// Seconds between reloads (`<meta http-equiv="refresh">`); nil: no reload.
    var refreshSeconds: Int?
    /// Whether the page shows copy buttons, whose constant script then closes the page.
    var copyScript: Bool

    /// `signOut`: the sign-out page, linked last in the header ("Se déconnecter") on every page of
    /// someone signed in; nil on the login, sign-out and error pages.
    init(
        title: String, navigation: [Link] = [], signOut: String? = nil, refreshSeconds: Int? = nil,
        copyScript: Bool = false
    ) {
        self.title = title
        links = navigation + (signOut.map { [Link(label: "Se déconnecter", href: $0)] } ?? [])
        hasLinks = !links.isEmpty
        self.refreshSeconds = refreshSeconds
        self.copyScript = copyScript
    }
}
