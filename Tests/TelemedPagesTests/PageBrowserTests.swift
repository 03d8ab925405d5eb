import Foundation
import TelemedTestSupport
import Testing

/// Every page rendered by headless Chromium: its French text in the DOM the browser built, and a
/// screenshot in `.build/screenshots/page-NAME.png` checked to be a non-empty PNG.
@Suite(
    "Pages in headless Chromium",
    .enabled(if: HeadlessChromium.shouldRun, Comment(rawValue: HeadlessChromium.skipReason)))
struct PageBrowserTests {
    static let headings = [
        "staff": "Demander une téléconsultation", "staff-refused": "corrigez les champs signalés",
        "crew": "Aujourd’hui", "planner": "Simuler un changement", "planner-refused": "Le facteur doit être positif",
        "whatif-running": "Calcul en cours", "comparison": "Indicateurs", "login": "Code d’accès",
        "error": "Accès refusé",
    ]

    @Test("each page renders, shows its French text and gives a non-empty screenshot")
    func screenshots() throws {
        let browser = try HeadlessChromium.required()
        let folder = HeadlessChromium.screenshotFolder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, html) in try PageSamples.all() {
            let file = folder.appendingPathComponent("\(name).html")
            try Data(html.utf8).write(to: file)
            let dom = try browser.renderedDOM(of: file)
            let expected = try #require(Self.headings[name])
            #expect(dom.contains(expected), "\(name): the rendered page lacks “\(expected)”")
            #expect(!dom.contains("<script>alert"), "\(name): the hostile reference became markup")
            let png = try browser.screenshot(of: file, named: "page-\(name)", height: 1600)
            #expect(png.count > 5_000, "\(name): \(png.count) bytes is a blank page")
        }
    }
}
