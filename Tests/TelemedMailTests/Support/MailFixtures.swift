import Foundation
import TelemedMail

/// Messages as the service sends them: French text with accents, a line starting with a dot (which
/// SMTP must stuff), an equals sign and trailing spaces (which quoted-printable must escape), and a
/// line longer than 76 characters (which it must break).
enum MailFixtures {
    /// Tue, 03 Jun 2025 08:05:09 UTC.
    static let date = Date(timeIntervalSince1970: 1_748_937_909)

    static let plainText = """
        Bonjour,

        La séance de téléconsultation en cardiologie du mardi 3 juin 2025 à 14 h 30 à l’EHPAD Les Tilleuls (Dole) est confirmée avec le docteur Élodie Garnier.
        .Cette ligne commence par un point, et celle-ci finit par deux espaces\u{202F}:\u{20}\u{20}
        Durée = 30 minutes.
        .
        Cordialement,
        L’équipe de télémédecine
        """

    static let html = """
        <!DOCTYPE html>
        <html lang="fr"><body>
        <p>Bonjour,</p>
        <p>La séance de téléconsultation en cardiologie du <strong>mardi 3 juin 2025 à 14 h 30</strong> à l’EHPAD Les Tilleuls (Dole) est confirmée.</p>
        <p style="margin:0">Durée = 30 minutes.</p>
        </body></html>
        """

    static func sender() throws -> MailAddress {
        try MailAddress("ne-pas-repondre@telemed.example.fr", displayName: "Télémédecine Bourgogne-Franche-Comté")
    }

    static func recipients() throws -> [MailAddress] {
        [
            try MailAddress("accueil@ehpad-les-tilleuls.example.fr", displayName: "EHPAD Les Tilleuls"),
            try MailAddress("cadre.sante@ehpad-les-tilleuls.example.fr"),
        ]
    }

    static func confirmation(id: String = "evt-1842", subject: String = "« Séance confirmée »") throws -> MailMessage {
        MailMessage(
            from: try sender(), to: try recipients(), subject: subject,
            messageID: try MailMessageID(id: id, domain: "telemed.example.fr"), date: date, plainText: plainText,
            html: html, extraHeaders: [try MailHeader("Auto-Submitted", "auto-generated")])
    }
}
