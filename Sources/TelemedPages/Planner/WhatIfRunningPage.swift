import TelemedReports

/// The page shown while a what-if runs: one progress bar per variant, reloaded by the browser
/// every few seconds (`<meta http-equiv="refresh">`, no script), with the comparison's link once
/// every variant is done.
public struct WhatIfRunningPage: Sendable {
    public struct Variant: Sendable {
        public var name: String
        /// 0…1 of the time limit (or iterations).
        public var progress: Double
        /// Requests placed in the best plan so far, when known.
        public var served: Int?

        public init(name: String, progress: Double, served: Int? = nil) {
            self.name = name
            self.progress = progress
            self.served = served
        }
    }

    public var studyName: String
    public var variants: [Variant]
    public var refreshSeconds: Int
    /// The comparison page, once finished; while nil the page keeps refreshing.
    public var resultURL: String?
    /// The sign-out page the header links to ("Se déconnecter"); nil for none.
    public var signOutPath: String? = SignOutPage.defaultPath

    public init(studyName: String, variants: [Variant], refreshSeconds: Int = 3, resultURL: String? = nil) {
        self.studyName = studyName
        self.variants = variants
        self.refreshSeconds = refreshSeconds
        self.resultURL = resultURL
    }

    public func render() -> String {
        var main: String
        if let resultURL {
            main =
                "<p class=\"notice\" role=\"status\">Calcul terminé. <a href=\"\(HTML.escape(resultURL))\">Voir la"
                + " comparaison</a></p>"
        } else {
            main =
                "<p role=\"status\">Calcul en cours : cette page se met à jour toute seule toutes les"
                + " \(refreshSeconds) secondes.</p>"
        }
        for (index, variant) in variants.enumerated() {
            let percent = Int((max(0, min(1, variant.progress)) * 100).rounded())
            let served = variant.served.map { " · \(French.number($0)) demandes placées" } ?? ""
            main +=
                "<div class=\"field\"><label for=\"avancement-\(index)\">\(HTML.escape(variant.name)) : \(percent)\u{00A0}%"
                + "\(served)</label><progress id=\"avancement-\(index)\" max=\"100\" value=\"\(percent)\">\(percent)"
                + "\u{00A0}%</progress></div>"
        }
        let refresh = resultURL == nil ? "<meta http-equiv=\"refresh\" content=\"\(max(1, refreshSeconds))\">\n" : ""
        return PageLayout(
            title: "Simulation en cours · \(studyName)", head: refresh, main: main, signOut: signOutPath
        ).render()
    }
}
