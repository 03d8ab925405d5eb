import Foundation
import TelemedCore
import Testing

@testable import TelemedCalendar

@Suite("Specialist and site feeds")
struct SessionFeedTests {
    @Test("a specialist's feed has one event per session, the video link as URL for live ones")
    func specialistFeed() throws {
        let source = try FeedFixture.source()
        let fournier = try FeedFixture.parsed(source.specialistCalendar(for: source.scenario.specialists[0]))
        #expect(fournier.events.map(\.uid) == ["booking-B-1-specialist@telemed", "booking-B-4-specialist@telemed"])
        let first = try #require(fournier.events.first)
        #expect(first.summary == "Téléconsultation · Dermatologie · P-7F3K2Q")
        #expect(first.url == "https://visio.example.org/dr-fournier")
        #expect(first.sequence == 2 && first.status == "CONFIRMED")
        #expect(first.location == "EHPAD Les Tilleuls, 5 rue des Jardins, 58500 Clamecy, Clamecy")
        #expect(first.description?.contains("Mode : téléconsultation") == true)
        #expect(first.description?.contains("Patient : P-7F3K2Q") == true)
        // Before and after the clock change: 09:00 local both days.
        #expect(first.start == FeedFixture.date("2027-03-26T08:00:00Z"))
        #expect(fournier.events.last?.start == FeedFixture.date("2027-03-29T07:00:00Z"))
    }

    @Test(
        "an async booking is the specialist's review interval, without a video link; a cancelled one stays, cancelled")
    func asyncReviewAndCancelled() throws {
        let source = try FeedFixture.source()
        let benali = try FeedFixture.parsed(source.specialistCalendar(for: source.scenario.specialists[1]))
        #expect(benali.events.count == 2)
        let review = try #require(benali.events.first)
        #expect(review.summary == "Télé-expertise · Cardiologie · P-2M8X4V")
        #expect(review.start == FeedFixture.date("2027-03-29T12:00:00Z"))
        #expect(review.url == nil)
        #expect(review.status == "TENTATIVE")
        #expect(review.description?.contains("Données recueillies le 26/03/2027 10:30–10:50") == true)
        #expect(benali.events.last?.status == "CANCELLED")
    }

    @Test("a site's feed tells the room, the nurse and who brings each piece of equipment")
    func siteFeed() throws {
        let source = try FeedFixture.source()
        let ehpad = try FeedFixture.parsed(source.siteCalendar(for: source.scenario.sites[0]))
        #expect(
            ehpad.events.map(\.uid) == [
                "booking-B-1-site@telemed", "booking-B-4-site@telemed", "booking-B-5-site@telemed",
            ])
        let first = try #require(ehpad.events.first?.description).components(separatedBy: "\n")
        #expect(first.contains("Lieu : salle 1"))
        #expect(first.contains("Infirmier·e accompagnant·e : requis·e"))
        #expect(first.contains("Équipement : chariot de téléconsultation (sur place), dermatoscope (sur place)"))
        #expect(first.contains("Intervenant : Dr Claire Fournier"))
        let town = try FeedFixture.parsed(source.siteCalendar(for: source.scenario.sites[1]))
        let capture = try #require(town.events.first?.description).components(separatedBy: "\n")
        #expect(capture.contains("Équipement : ECG (apporté par Unité mobile Nièvre)"))
        #expect(capture.contains("Infirmier·e accompagnant·e : non requis·e"))
        #expect(capture.contains("Lieu : à bord ou avec les appareils de l'unité Unité mobile Nièvre"))
        let crew = try #require(town.events.last)
        #expect(crew.summary == "Dépistage · P-9C1H6T")
        #expect(crew.description?.contains("Intervenant : équipage") == true)
        #expect(crew.geo != nil)
    }

    @Test("a plan naming an unknown specialist is refused with a typed error")
    func unknownReference() throws {
        var plan = try FeedFixture.plan()
        plan.bookings[0].specialistId = "S-99"
        #expect(throws: CalendarError.unknownReference(kind: "specialist", id: "S-99")) {
            try FeedFixture.source(plan: plan)
        }
    }

    @Test("a video link that could start a new property is refused")
    func hostileVideoLink() throws {
        var scenario = try FeedFixture.scenario()
        scenario.specialists[0].videoLink = "https://visio.example.org/x\r\nATTENDEE:mailto:x@evil"
        let source = try FeedFixture.source(scenario: scenario)
        #expect(throws: CalendarError.invalidURL(uid: "booking-B-1-specialist@telemed")) {
            try source.specialistCalendar(for: scenario.specialists[0])
        }
    }
}
