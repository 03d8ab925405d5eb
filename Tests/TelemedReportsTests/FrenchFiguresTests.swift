import TelemedCore
import TelemedHTML
import Testing

@testable import TelemedReports

@Suite("French figures")
struct FrenchFiguresTests {
    @Test("numbers read the French way: thin spaces between thousands, decimal comma, minus sign")
    func frenchNumbers() {
        #expect(FrenchVocabulary.number(1275) == "1\u{202F}275")
        #expect(FrenchVocabulary.number(97.63, places: 1) == "97,6")
        // Halves round away from zero, whatever the sign (-32.5 tenths and 22.5 tenths are exact).
        #expect(FrenchVocabulary.number(-3.25, places: 1) == "−3,3")
        #expect(FrenchVocabulary.number(2.25, places: 1) == "2,3")
        #expect(FrenchVocabulary.percent(90.5) == "90,5\u{00A0}%")
        #expect(FrenchVocabulary.percent(nil) == "–")
        #expect(FrenchVocabulary.signed(15) == "+15" && FrenchVocabulary.signed(0) == "0")
    }
}

@Suite("Charts and maps escape what they are given")
struct ChartEscapingTests {
    @Test("a bar chart's title, unit, categories and series names are text, in elements and tooltips")
    func barChart() {
        let name = "<script>\"a\" & 'b'</script> &amp;"
        let svg = SVGBarChart(title: name, unit: name, categories: [name], series: [(name: name, values: [12])])
            .render()
        let text = "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt; &amp;amp;"
        #expect(!svg.contains("<script"))
        #expect(svg.contains("<title>\(text)</title>") && svg.contains("class=\"legend\">\(text)</text>"))
        #expect(svg.contains("<title>\(text) · \(text) : 12,0</title>"))
    }
}
