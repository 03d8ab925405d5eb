import Foundation
import TelemedTestSupport
import Testing

/// Every page rendered by headless Chromium: its French text in the DOM the browser built, and a
/// screenshot in `.build/screenshots/page-NAME.png` whose pixels show a drawn page (decoded by
/// `scripts/png_ink.py`), where an empty page of the same size measures blank.
@Suite(
    "Pages in headless Chromium",
    .enabled(if: HeadlessChromium.shouldRun, Comment(rawValue: HeadlessChromium.skipReason)))
struct PageBrowserTests {
    static let headings = [
        "staff": "Demander une téléconsultation", "staff-refused": "corrigez les champs signalés",
        "staff-waitlist": "Réservé pour cette demande jusqu’au mercredi 24 mars 2027, 15 h 30",
        "staff-series": "Série de 4 séances — tous les 14 jours",
        "crew": "Aujourd’hui", "planner": "Simuler un changement", "planner-refused": "Le facteur doit être positif",
        "whatif-running": "Calcul en cours", "comparison": "Indicateurs", "login": "Code d’accès",
        "error": "Accès refusé", "activity-report": "Délais d’accès par urgence",
    ]

    /// The least share of pixels a page draws: the smallest page (the error page: header band,
    /// title, one paragraph, a button, the footer) draws about 4 % of a 1280 × 1600 screenshot.
    static let minimumInk = 0.01
    /// The least share of rows holding ink: text and the header band, not a stray line.
    static let minimumInkedRows = 0.05

    @Test("each page renders, shows its French text and gives a screenshot with the page drawn in it")
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
            try browser.screenshot(of: file, named: "page-\(name)", height: 1600)
            let ink = try ScreenshotInk.measure(
                HeadlessChromium.screenshotFolder.appendingPathComponent("page-\(name).png"))
            #expect(ink.width == 1280 && ink.height == 1600, "\(name): \(ink.width) × \(ink.height)")
            #expect(
                ink.ink >= Self.minimumInk && ink.inkedRows >= Self.minimumInkedRows,
                "\(name): \(ink.ink * 100) % of pixels and \(ink.inkedRows * 100) % of rows drawn is a blank page")
        }
    }

    @Test("an empty page shot the same way measures blank, so the check above can fail")
    func blankPageIsBlank() throws {
        let browser = try HeadlessChromium.required()
        let folder = HeadlessChromium.screenshotFolder.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html lang=\"fr\"><head><title>vide</title></head><body></body></html>".utf8)
            .write(to: file)
        try browser.screenshot(of: file, named: "page-blank", height: 1600)
        let ink = try ScreenshotInk.measure(HeadlessChromium.screenshotFolder.appendingPathComponent("page-blank.png"))
        #expect(ink.ink < Self.minimumInk / 100 && ink.inkedRows < Self.minimumInkedRows)
    }
}
