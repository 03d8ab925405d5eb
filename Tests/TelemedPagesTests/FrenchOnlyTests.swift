import TelemedCore
import TelemedTestSupport
import Testing

/// Everything a French reader sees comes from `FrenchVocabulary`: no rule name, no raw value of
/// the domain's vocabularies and no English word in the programme's pages, report and feeds.
@Suite("French only: pages, report and feeds of the fixture programme")
struct FrenchOnlyTests {
    static func foreign(_ words: [String]) -> Set<String> { FrenchOnlyCheck.foreign(words) }

    @Test("the pages of the programme, every rule's explanation included, read in French only")
    func pages() throws {
        let pages = try DemoRenders.pages()
        #expect(pages.count > ConstraintName.allCases.count + 3)
        for (name, html) in pages {
            #expect(Self.foreign(VisibleText.html(html)).isEmpty, "\(name): \(Self.foreign(VisibleText.html(html)))")
        }
    }

    @Test("the what-if report solved from the programme reads in French only")
    func report() throws {
        let words = VisibleText.html(try DemoRenders.report())
        #expect(words.contains("Écarts"), "the report rendered")
        #expect(Self.foreign(words).isEmpty, "\(Self.foreign(words))")
    }

    @Test("the site, unit and specialist feeds of the programme read in French only")
    func feeds() throws {
        let feeds = try DemoRenders.feeds()
        #expect(feeds.contains { $0.name.hasPrefix("unit") && VisibleText.ics($0.ics).contains("Arrêt") })
        for (name, ics) in feeds {
            #expect(Self.foreign(VisibleText.ics(ics)).isEmpty, "\(name): \(Self.foreign(VisibleText.ics(ics)))")
        }
    }

    @Test("the check catches a rule name, a raw value and an English label such as “Stop 1/4”")
    func checkCanFail() {
        #expect(Self.foreign(VisibleText.ics("SUMMARY:Stop 1/4 · EHPAD Les Tilleuls\r\n")) == ["Stop"])
        #expect(
            Self.foreign(VisibleText.html("<p>Aucun créneau : specialists busy (règle specialistDailyMax).</p>"))
                == ["specialists", "specialistDailyMax"])
        #expect(
            Self.foreign(VisibleText.html("<td>woundCare<br>live</td><td>unité mobile</td>")) == ["woundCare", "live"])
        #expect(
            Self.foreign(VisibleText.html("<a href=\"/sites/E-1/bookings\" aria-label=\"Cancel\">Annuler</a>")) == [
                "Cancel"
            ])
    }
}
