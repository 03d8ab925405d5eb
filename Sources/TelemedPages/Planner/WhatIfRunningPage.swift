import TelemedCore
import TelemedHTML

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
    public var signOutPath: String? = PageRoutes.signOut.path()

    public init(studyName: String, variants: [Variant], refreshSeconds: Int = 3, resultURL: String? = nil) {
        self.studyName = studyName
        self.variants = variants
        self.refreshSeconds = refreshSeconds
        self.resultURL = resultURL
    }

    /// What `whatif-running-page.mustache` shows.
    private struct Context {
        struct Bar {
            var index, percent: Int
            var name, served: String
        }

        var frame: PageFrame
        var resultURL: String?
        var refreshSeconds: Int
        var bars: [Bar]
    }

    public func render() -> String {
        let bars = variants.enumerated().map { index, variant in
            Context.Bar(
                index: index, percent: Int((max(0, min(1, variant.progress)) * 100).rounded()), name: variant.name,
                served: variant.served.map { " · \(FrenchVocabulary.number($0)) demandes placées" } ?? "")
        }
        let frame = PageFrame(
            title: "Simulation en cours · \(studyName)", signOut: signOutPath,
            refreshSeconds: resultURL == nil ? max(1, refreshSeconds) : nil)
        return PageTemplates.render(
            Context(frame: frame, resultURL: resultURL, refreshSeconds: refreshSeconds, bars: bars),
            "whatif-running-page")
    }
}
