import Crypto
import Foundation
import TelemedCore
import TelemedMail
import TelemedStore

/// The French e-mail that tells one recipient of one event: plain text and HTML from the same
/// ``MailContent``, dates and times in Paris time. It names places and practitioners, and residents
/// only by the pseudonymous reference their site gave: no name, no note, no diagnosis.
///
/// The Message-ID is the event's id with a tag of the recipient (`<evt-3f….9a1c2e4b@domain>`), and
/// the Date header the event's instant: a retry renders the same message byte for byte, and a
/// mailbox or relay can tell a repeat.
public struct NotificationMail: Sendable {
    let from: MailAddress

    public init(from: MailAddress) {
        self.from = from
    }

    public func message(for event: NotificationEvent, to address: String, directory: NotificationDirectory) throws
        -> MailMessage
    {
        let content = Self.content(of: event, directory: directory)
        let tag = SHA256.hash(data: Data(address.lowercased().utf8)).lowercaseHex.prefix(8)
        return MailMessage(
            from: from, to: [try MailAddress(address)], subject: content.subject,
            messageID: try MailMessageID(id: "\(event.id).\(tag)", domain: from.domain), date: event.occurredAt,
            plainText: content.plainText, html: content.html,
            extraHeaders: [
                try MailHeader("Auto-Submitted", "auto-generated"), try MailHeader("Telemed-Event-Id", event.id),
                try MailHeader("Telemed-Event-Type", event.type.rawValue),
            ])
    }

    static func content(of event: NotificationEvent, directory: NotificationDirectory) -> MailContent {
        let words = Words(directory: directory)
        let footer =
            "Message automatique de telemed (référence \(event.id)), envoyé aux contacts déclarés. Les résidents "
            + "n’y figurent que par leur référence pseudonyme."
        guard let booking = event.booking else {
            return digest(event, words: words, footer: footer)
        }
        let moment = words.moment(booking)
        let place = words.placeName(booking.siteId)
        switch event.type {
        case .bookingConfirmed:
            return MailContent(
                subject: "Séance confirmée : \(moment), \(place)", intro: "Une séance est confirmée.",
                sections: [words.session(booking)], footer: footer)
        case .bookingMoved:
            return MailContent(
                subject: "Séance déplacée : \(moment), \(place)",
                intro: "Une séance confirmée a changé d’horaire ou de praticien.",
                sections: [words.session(booking, title: "Nouvelle séance")]
                    + (event.previous.map { [words.session($0, title: "Ancienne séance")] } ?? []),
                footer: footer)
        case .bookingCancelled:
            return MailContent(
                subject: "Séance annulée : \(moment), \(place)",
                intro: "Une séance confirmée est annulée ; son créneau est libéré.", sections: [words.session(booking)],
                footer: footer)
        case .bookingOutcome:
            let outcome = FrenchVocabulary.status(booking.status)
            let reason = booking.outcomeReason.map { " (\(FrenchVocabulary.outcomeReason($0)))" } ?? ""
            return MailContent(
                subject: "Issue de la séance du \(words.day(booking.start)) : \(outcome)",
                intro: "L’issue d’une séance a été enregistrée : \(outcome)\(reason).",
                sections: [words.session(booking)], footer: footer)
        case .waitlistOffer:
            let until = event.offer.map { "jusqu’au \(words.instant($0.expiresAt))" } ?? "pour quelques heures"
            return MailContent(
                subject: "Liste d’attente : créneau réservé \(moment), \(place)",
                intro: "Un créneau s’est libéré pour un résident de votre liste d’attente. Il lui est réservé "
                    + "\(until) : réservez-le ou refusez-le depuis la page de l’établissement.",
                sections: [words.session(booking)], footer: footer)
        case .routeChanged:
            let unit = event.route.map { words.unitName($0.unitId) } ?? "l’unité"
            let day = event.route.map { FrenchVocabulary.date($0.date) } ?? words.day(booking.start)
            let what =
                switch (booking.status, event.previous) {
                case (.cancelled, _): "un arrêt est annulé"
                case (_, .some): "un arrêt est déplacé"
                default: "un arrêt est ajouté"
                }
            return MailContent(
                subject: "Tournée du \(day) modifiée après clôture : \(unit)",
                intro: "La tournée de \(unit) du \(day) était déjà arrêtée, et \(what). Vérifiez la feuille de "
                    + "route avant de partir.",
                sections: [words.session(booking, title: booking.status == .cancelled ? "Arrêt annulé" : "Arrêt")]
                    + (event.previous.map { [words.session($0, title: "Auparavant")] } ?? []),
                footer: footer)
        case .reminderDigest:
            return digest(event, words: words, footer: footer)
        }
    }

    private static func digest(_ event: NotificationEvent, words: Words, footer: String) -> MailContent {
        guard let digest = event.digest else {
            return MailContent(
                subject: "Notification telemed", intro: "Un changement a eu lieu.", sections: [], footer: footer)
        }
        let whose =
            digest.siteId.map { words.placeName($0) } ?? digest.specialistId.map { words.specialistName($0) } ?? ""
        let count = digest.sessions.count == 1 ? "1 séance" : "\(digest.sessions.count) séances"
        let lines = digest.sessions.map { session in
            MailContent.Line(
                label: words.hours(session),
                text: [
                    digest.siteId == nil ? words.placeName(session.siteId) : nil,
                    session.unitId.map { "avec \(words.unitName($0))" },
                    digest.specialistId == nil ? words.practitioner(session) : nil,
                    "résident \(session.patientRef)",
                ].compactMap { $0 }.joined(separator: " · "))
        }
        return MailContent(
            subject: "Séances de demain, \(FrenchVocabulary.date(digest.date)) : \(whose) (\(count))",
            intro: "Voici les séances confirmées du \(FrenchVocabulary.date(digest.date)) (\(count)).",
            sections: [MailContent.Section(title: whose, lines: lines)], footer: footer)
    }
}

/// How the mails say things: Paris dates and times, names from the directory (the id when a name
/// is unknown, never nothing).
private struct Words {
    let directory: NotificationDirectory
    let paris = WallClock.paris

    func day(_ instant: Date) -> String { FrenchVocabulary.date(paris.localDate(of: instant)) }

    func time(_ instant: Date) -> String { FrenchVocabulary.time(paris.localTime(of: instant)) }

    func instant(_ instant: Date) -> String { "\(day(instant)) à \(time(instant))" }

    func moment(_ session: NotifiedBooking) -> String { instant(session.start) }

    func hours(_ session: NotifiedBooking) -> String { "\(time(session.start)) – \(time(session.end))" }

    func placeName(_ id: Site.ID) -> String { oneLine(directory.sites[id]?.name ?? id.rawValue) }

    func specialistName(_ id: Specialist.ID) -> String { oneLine(directory.specialists[id] ?? id.rawValue) }

    func unitName(_ id: MobileUnit.ID) -> String { oneLine(directory.units[id] ?? id.rawValue) }

    /// Names are validated when a scenario is read; a line break that got into the database anyway
    /// must not make the subject unsendable (the message would never leave), so it becomes a space.
    func oneLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
    }

    func practitioner(_ session: NotifiedBooking) -> String {
        session.specialistId.map(specialistName) ?? "équipage de l’unité"
    }

    func session(_ session: NotifiedBooking, title: String? = nil) -> MailContent.Section {
        let place = directory.sites[session.siteId]
        var lines = [
            MailContent.Line(label: "Date", text: "\(day(session.start)), \(hours(session))"),
            MailContent.Line(
                label: "Lieu",
                text: oneLine(
                    place.map { [$0.name, $0.address, $0.commune].filter { !$0.isEmpty }.joined(separator: ", ") }
                        ?? session.siteId.rawValue)),
        ]
        if let unitId = session.unitId { lines.append(MailContent.Line(label: "Unité mobile", text: unitName(unitId))) }
        lines.append(MailContent.Line(label: "Praticien", text: practitioner(session)))
        lines.append(MailContent.Line(label: "Résident (référence)", text: session.patientRef))
        lines.append(
            MailContent.Line(label: "Séance", text: "\(session.id.rawValue) (demande \(session.requestId.rawValue))"))
        return MailContent.Section(title: title, lines: lines)
    }
}
