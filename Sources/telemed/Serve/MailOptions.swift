import ArgumentParser
import Foundation
import TelemedCore
import TelemedMail
import TelemedNotify

/// `telemed serve`'s e-mail options: the SMTP relay notification e-mails go through. Without
/// `--smtp-host` the server sends no e-mail (webhooks still work).
struct MailOptions: ParsableArguments {
    @Option(help: "The SMTP relay notification e-mails go through; without it, no e-mail is sent.")
    var smtpHost: String?

    @Option(help: "The relay's port: 587 for STARTTLS, 465 for TLS, 25 on a local relay.")
    var smtpPort = 587

    @Option(
        help: ArgumentHelp(
            "How the connection to the relay is encrypted: none, starttls or tls.",
            discussion: """
                starttls (the default) upgrades the connection with STARTTLS, which the relay must offer: \
                the send fails rather than go out in clear. tls speaks TLS from the first byte (port 465). \
                none never encrypts: only for a relay on this machine.
                """),
        transform: MailOptions.tlsMode)
    var smtpTLS: SMTPTLSMode = .startTLS

    @Option(help: "User name for the relay (AUTH PLAIN or LOGIN); the password comes from TELEMED_SMTP_PASSWORD.")
    var smtpUser: String?

    @Option(help: "A PEM file of the certificate authority the relay's certificate chains to (a private relay).")
    var smtpCAFile: String?

    @Option(help: "The sender of notification e-mails, e.g. ne-pas-repondre@telemed.example.fr.")
    var mailFrom: String?

    /// The settings, or nil without `--smtp-host`. Every mistake is an `InputError` saying what to
    /// change, raised before the server starts.
    func settings(environment: [String: String]) throws -> EmailSettings? {
        guard let host = smtpHost else {
            if smtpUser != nil || mailFrom != nil {
                throw InputError("--smtp-user and --mail-from need --smtp-host; nothing was started.")
            }
            return nil
        }
        guard let mailFrom else {
            throw InputError("--smtp-host needs --mail-from, the address notification e-mails come from.")
        }
        let from: MailAddress
        do {
            from = try MailAddress(mailFrom, displayName: "Télémédecine")
        } catch {
            throw InputError("--mail-from: \(error)")
        }
        let password = environment["TELEMED_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
        if smtpUser != nil && password == nil {
            throw InputError("--smtp-user needs its password in TELEMED_SMTP_PASSWORD; nothing was started.")
        }
        if smtpUser == nil && password != nil {
            throw InputError("TELEMED_SMTP_PASSWORD is set but --smtp-user is not; give both or neither.")
        }
        let relay = SMTPConfiguration(
            host: host, port: smtpPort, tls: smtpTLS, username: smtpUser, password: smtpUser == nil ? nil : password,
            heloName: from.domain, trustRoots: smtpCAFile.map { .pemFile($0) } ?? .system)
        do {
            try relay.validate()
        } catch {
            throw InputError("\(error.loggableDescription) Nothing was started.")
        }
        return EmailSettings(relay: relay, from: from)
    }

    static func tlsMode(_ text: String) throws -> SMTPTLSMode {
        switch text.lowercased() {
        case "none": .none
        case "starttls": .startTLS
        case "tls": .tls
        default: throw ValidationError("--smtp-tls takes none, starttls or tls, not \(text)")
        }
    }
}
