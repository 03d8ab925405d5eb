import Foundation
import TelemedCore
import TelemedMail
import TelemedNotify
import TelemedStore
import TelemedTestSupport
import Testing

/// The notification e-mails as people read them: French, in Paris time, plain text and HTML telling
/// the same, read back by Python's email package (a parser that is not TelemedMail's), with
/// residents named by their pseudonymous reference only.
@Suite("Notification e-mails")
struct NotificationMailTests {
    static let mail = NotificationMail(
        from: try! MailAddress("ne-pas-repondre@telemed.example.fr", displayName: "Télémédecine"))
    static let directory = NotificationDirectory(
        sites: ["E-58-0001": .init(name: "EHPAD Les Tilleuls", commune: "Clamecy", address: "3 rue des Prés")],
        specialists: ["S-01": "Dr A. Fournier", "S-02": "Dr K. Benali"], units: ["U-01": "Unité du Morvan"])

    /// Tuesday 23 March 2027, 09:30–10:00 in Paris (winter time, UTC+1).
    static func session(
        _ id: String = "B-1", start: String = "2027-03-23T08:30:00Z", specialist: Specialist.ID? = "S-01",
        unit: MobileUnit.ID? = nil, status: BookingStatus = .confirmed
    ) throws -> NotifiedBooking {
        let begin = try ServiceClock.instant(start)
        var booking = Booking(
            id: Booking.ID(id), requestId: "R-1", specialistId: specialist, siteId: "E-58-0001", start: begin,
            end: begin.addingTimeInterval(1800), host: unit.map { .unitVisit($0) } ?? .siteEquipment, status: status,
            version: 3)
        if status == .noShow { booking.outcomeReason = .residentDeclined }
        return NotifiedBooking(booking, patientRef: "P-7F3K2Q")
    }

    /// One event of every kind.
    static func events() throws -> [NotificationEvent] {
        let at = try ServiceClock.instant("2027-03-22T17:05:00Z")
        return [
            NotificationEvent(id: "evt-confirmed", type: .bookingConfirmed, occurredAt: at, booking: try session()),
            NotificationEvent(
                id: "evt-moved", type: .bookingMoved, occurredAt: at,
                booking: try session(start: "2027-03-24T13:00:00Z", specialist: "S-02"), previous: try session()),
            NotificationEvent(
                id: "evt-cancelled", type: .bookingCancelled, occurredAt: at, booking: try session(status: .cancelled)),
            NotificationEvent(
                id: "evt-outcome", type: .bookingOutcome, occurredAt: at, booking: try session(status: .noShow)),
            NotificationEvent(
                id: "evt-offer", type: .waitlistOffer, occurredAt: at, booking: try session(),
                offer: NotifiedOffer(proposalId: "P-9", expiresAt: try ServiceClock.instant("2027-03-23T07:00:00Z"))),
            NotificationEvent(
                id: "evt-route", type: .routeChanged, occurredAt: at,
                booking: try session(unit: "U-01", status: .cancelled),
                route: NotifiedRoute(unitId: "U-01", date: LocalDate(year: 2027, month: 3, day: 23)!)),
            NotificationEvent(
                id: "evt-digest", type: .reminderDigest, occurredAt: at,
                digest: NotifiedDigest(
                    date: LocalDate(year: 2027, month: 3, day: 23)!, siteId: "E-58-0001",
                    sessions: [try session(), try session("B-2", start: "2027-03-23T13:00:00Z", specialist: "S-02")])),
        ]
    }

    @Test("every kind reads as French plain text and HTML in Paris time, naming residents by reference only")
    func everyKind() throws {
        let events = try Self.events()
        #expect(Set(events.map(\.type)) == Set(NotificationKind.allCases))
        let subjects: [NotificationKind: String] = [
            .bookingConfirmed: "Séance confirmée : mardi 23 mars 2027 à 9 h 30, EHPAD Les Tilleuls",
            .bookingMoved: "Séance déplacée : mercredi 24 mars 2027 à 14 h, EHPAD Les Tilleuls",
            .bookingCancelled: "Séance annulée : mardi 23 mars 2027 à 9 h 30, EHPAD Les Tilleuls",
            .bookingOutcome: "Issue de la séance du mardi 23 mars 2027 : patient absent",
            .waitlistOffer: "Liste d’attente : créneau réservé mardi 23 mars 2027 à 9 h 30, EHPAD Les Tilleuls",
            .routeChanged: "Tournée du mardi 23 mars 2027 modifiée après clôture : Unité du Morvan",
            .reminderDigest: "Séances de demain, mardi 23 mars 2027 : EHPAD Les Tilleuls (2 séances)",
        ]
        for event in events {
            let message = try Self.mail.message(for: event, to: "accueil@ehpad.example.org", directory: Self.directory)
            let rendered = try message.rendered()
            #expect(try message.rendered() == rendered, "a retry sends the same bytes")
            let read = try DecodedMail.reading(Data(rendered.utf8))
            #expect(read.defects.isEmpty, "\(event.type): \(read.defects)")
            #expect(read.subject == subjects[event.type], "\(event.type)")
            #expect(read.messageID.hasPrefix("<\(event.id).") && read.messageID.hasSuffix("@telemed.example.fr>"))
            #expect(read.headers.contains(["Telemed-Event-Id", event.id]))
            for text in [read.plain, read.html] {
                #expect(text.contains("Bonjour"), "\(event.type)")
                #expect(text.contains("P-7F3K2Q"), "\(event.type): the pseudonymous reference")
                #expect(text.contains(event.id), "\(event.type): the event's reference, for support")
            }
            #expect(read.html.hasPrefix("<!DOCTYPE html>") && read.html.contains("lang=\"fr\""))
        }
        let moved = try Self.mail.message(for: events[1], to: "a@example.org", directory: Self.directory)
        #expect(
            moved.plainText.contains("Ancienne séance") && moved.plainText.contains("mardi 23 mars 2027, 9 h 30 – 10 h")
        )
        let digest = try Self.mail.message(for: events[6], to: "a@example.org", directory: Self.directory)
        #expect(digest.plainText.contains("9 h 30 – 10 h : Dr A. Fournier · résident P-7F3K2Q"))
        #expect(digest.plainText.contains("14 h – 14 h 30 : Dr K. Benali · résident P-7F3K2Q"))
    }

    @Test("summer time: a session at 07:30 UTC on 29 March 2027 reads 9 h 30")
    func summerTime() throws {
        let event = NotificationEvent(
            id: "evt-summer", type: .bookingConfirmed, occurredAt: Date(timeIntervalSince1970: 0),
            booking: try Self.session(start: "2027-03-29T07:30:00Z"))
        let message = try Self.mail.message(for: event, to: "a@example.org", directory: Self.directory)
        #expect(message.subject == "Séance confirmée : lundi 29 mars 2027 à 9 h 30, EHPAD Les Tilleuls")
    }

    @Test("each recipient gets its own Message-ID, the same at every retry")
    func messageIDs() throws {
        let event = try Self.events()[0]
        let first = try Self.mail.message(for: event, to: "a@example.org", directory: Self.directory)
        let again = try Self.mail.message(for: event, to: "A@example.org", directory: Self.directory)
        let other = try Self.mail.message(for: event, to: "b@example.org", directory: Self.directory)
        #expect(first.messageID == again.messageID)
        #expect(first.messageID != other.messageID)
    }

    @Test("markup and line breaks in a name cannot break the HTML or the headers")
    func hostileNames() throws {
        var directory = Self.directory
        directory.sites["E-58-0001"] = .init(
            name: "<script>alert(1)</script>\r\nBcc: x@evil.example", commune: "Clamecy \"&\"", address: "")
        for event in try Self.events() {
            let message = try Self.mail.message(for: event, to: "a@example.org", directory: directory)
            let rendered = try message.rendered()
            #expect(!rendered.contains("\r\nBcc:"), "\(event.type)")
            #expect(!message.html.contains("<script>"), "\(event.type)")
            let read = try DecodedMail.reading(Data(rendered.utf8))
            #expect(read.to.map(\.address) == ["a@example.org"])
            #expect(read.defects.isEmpty)
        }
    }
}
