import TelemedCore
import TelemedReports
import Testing

@testable import TelemedPages

/// Names typed by people (sites, communes, variants) reach pages and the report only through
/// Mustache's `{{…}}`, which escapes `& < > " '`: markup stays text, an attribute is never left,
/// and an entity someone typed is shown as typed, not decoded.
@Suite("Hostile names in pages and the report")
struct HostileTextTests {
    static let hostile = "\"><script>alert('x')</script> &amp; l'EHPAD\r\nbis"
    static let escaped = "&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp;amp; l&#39;EHPAD\r\nbis"

    @Test("a hostile site name and commune on the crew page, in the list and the map's titles, stay text")
    func crewPage() {
        var model = PageSamples.crew
        model.days[0].stops[0].siteName = Self.hostile
        model.days[0].stops[0].commune = Self.hostile
        model.depotName = Self.hostile
        let html = CrewPage(model: model).render()
        #expect(!html.contains("<script>alert") && !html.contains("\"><script"))
        #expect(html.contains(" · \(Self.escaped)"), "the stop's name in the list")
        #expect(html.contains("<title>1. \(Self.escaped)</title>"), "the stop on the map")
        #expect(html.contains("<title>\(Self.escaped)</title></rect>"), "the depot on the map")
    }

    @Test("a hostile site name on the staff page's header and title stays text")
    func staffPage() {
        var model = PageSamples.staff()
        model.site.name = Self.hostile
        let html = StaffPage(model: model).render()
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("<title>Téléconsultations · \(Self.escaped) · telemed</title>"))
        #expect(html.contains("<h1>Téléconsultations · \(Self.escaped)</h1>"))
    }

    /// A scenario refuses control characters in names, so the report's hostile name has no line break.
    @Test("a hostile site and variant name in the what-if report stay text in tables, charts and maps")
    func report() throws {
        let name = Self.hostile.replacingOccurrences(of: "\r\n", with: " ")
        let escaped = Self.escaped.replacingOccurrences(of: "\r\n", with: " ")
        let html = try DemoRenders.report(siteName: name, variantName: name)
        #expect(!html.contains("<script"), "the report has no script at all")
        #expect(html.contains("<th scope=\"col\">\(escaped)</th>"), "the variant's column")
        #expect(
            html.contains("<title>Consultations pour 1\u{202F}000 habitants · \(escaped)</title>"), "the variant's map")
        #expect(html.contains("class=\"legend\">\(escaped)</text>"), "the charts' legend")
        #expect(html.contains("<title>\(escaped) ("), "the site on the maps")
    }

    @Test("a hostile site name in the activity report stays text in its table")
    func activityReport() throws {
        let name = Self.hostile.replacingOccurrences(of: "\r\n", with: " ")
        let escaped = Self.escaped.replacingOccurrences(of: "\r\n", with: " ")
        let html = ActivityReportPage(report: try PageSamples.activityReport(siteName: name)).render()
        #expect(!html.contains("<script"), "the report has no script at all")
        #expect(html.contains("<th scope=\"row\">\(escaped) (Clamecy)</th>"), "the site's row")
    }
}
