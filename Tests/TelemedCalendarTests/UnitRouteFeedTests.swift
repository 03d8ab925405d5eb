import Foundation
import TelemedCore
import Testing

@testable import TelemedCalendar

@Suite("Unit route feed")
struct UnitRouteFeedTests {
    private func unitFeed(options: FeedOptions = FeedOptions()) throws -> ParsedCalendar {
        let source = try FeedFixture.source(options: options)
        return try FeedFixture.parsed(source.unitRouteCalendar(for: source.scenario.units[0]))
    }

    @Test("one event per stop in route order, from arrival to departure, with address and GEO")
    func stopsInOrder() throws {
        let feed = try unitFeed()
        #expect(feed.calendarName == "Tournée · Unité mobile Nièvre")
        #expect(feed.method == "PUBLISH")
        #expect(
            feed.events.map(\.summary) == [
                "Arrêt 1/2 · Maison de santé du Morvan (Lormes)", "Arrêt 2/2 · EHPAD Les Tilleuls (Clamecy)",
                "Arrêt 1/1 · EHPAD Les Tilleuls (Clamecy)",
            ])
        let first = try #require(feed.events.first)
        #expect(first.uid == "stop-U-58-2027-03-26-T-58-0001@telemed")
        #expect(first.start == FeedFixture.date("2027-03-26T09:00:00Z"))
        #expect(first.end == FeedFixture.date("2027-03-26T10:30:00Z"))
        #expect(first.startTZID == "Europe/Paris")
        #expect(first.location == "Maison de santé du Morvan, 2 route d'Avallon, 58140 Lormes, Lormes")
        #expect(abs((first.geo?.latitude ?? 0) - 47.29026) < 1e-5)
        #expect(abs((first.geo?.longitude ?? 0) - 3.81408) < 1e-5)
        // B-3 (crew, confirmed) is held there, so the stop is confirmed; its SEQUENCE is the
        // highest version of the bookings it holds.
        #expect(first.status == "CONFIRMED")
        #expect(first.sequence == 1)
    }

    @Test("a stop's description lists its consultations and the drive from the previous stop")
    func stopDescription() throws {
        let source = try FeedFixture.source()
        let unit = source.scenario.units[0]
        let feed = try FeedFixture.parsed(source.unitRouteCalendar(for: unit))
        let description = try #require(feed.events.first?.description)
        let lines = description.components(separatedBy: "\n")
        let fromDepot = try source.travel.leg(
            from: TravelPoint(id: "depot:U-58", location: unit.depot.location),
            to: TravelPoint(id: "T-58-0001", location: source.scenario.sites[1].location))
        #expect(lines.contains("Trajet depuis dépôt (Centre hospitalier, Château-Chinon) : \(FeedText.leg(fromDepot))"))
        #expect(lines.contains("10:30–10:50 · Cardiologie · Dr Karim Benali · patient P-2M8X4V (proposée)"))
        #expect(lines.contains("10:50–11:20 · Dépistage · équipage · patient P-9C1H6T"))
        let second = try #require(feed.events.dropFirst().first?.description)
        #expect(second.contains("Trajet depuis Maison de santé du Morvan : "))
        #expect(second.contains("Aucune consultation réservée"))
        // The cancelled booking B-5 is not listed at the stop of the 29th.
        let lastStop = try #require(feed.events.last?.description)
        #expect(!lastStop.contains("P-6D2W8L"))
    }

    @Test("with travel legs, each drive is an event of its own, the drive home included")
    func travelLegs() throws {
        let feed = try unitFeed(options: FeedOptions(includeTravelLegs: true))
        #expect(feed.events.count == 3 + 3 + 2)
        let legs = feed.events.filter { $0.summary.hasPrefix("Trajet · ") }
        #expect(legs.count == 5)
        let first = try #require(legs.first)
        #expect(first.summary == "Trajet · dépôt (Centre hospitalier, Château-Chinon) → Maison de santé du Morvan")
        #expect(first.start == FeedFixture.date("2027-03-26T07:40:00Z"))
        #expect(first.end == FeedFixture.date("2027-03-26T09:00:00Z"))
        #expect(Set(feed.events.map(\.uid)).count == feed.events.count)
    }
}
