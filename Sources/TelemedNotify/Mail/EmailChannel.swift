import Logging
import TelemedCore
import TelemedMail
import TelemedStore

/// E-mail deliveries: the event's French message (``NotificationMail``) to one address, through the
/// SMTP relay. A relay's 5xx is final (dead at once); anything else (no connection, a 4xx, a
/// timeout) is tried again later. Failures are recorded and logged with
/// `SMTPError.loggableDescription`, which leaves out the relay's text (it may quote an address).
public struct EmailChannel: DeliveryChannel {
    let database: TelemedDatabase
    let client: SMTPClient
    let mail: NotificationMail

    public init(database: TelemedDatabase, settings: EmailSettings, logger: Logger) {
        self.database = database
        client = SMTPClient(configuration: settings.relay, logger: logger)
        mail = NotificationMail(from: settings.from)
    }

    public func send(_ delivery: Delivery) async throws(DeliveryFailure) {
        let message: MailMessage
        do {
            message = try mail.message(
                for: delivery.event, to: delivery.target, directory: try database.directory(for: delivery.event))
        } catch is MailAddressError {
            // Not the error's text: it quotes the address, which logs must not show.
            throw DeliveryFailure("the recipient's address is not one a relay takes", isPermanent: true)
        } catch {
            throw DeliveryFailure("cannot prepare the message: \(error)")
        }
        do {
            try await client.send(message)
        } catch {
            throw DeliveryFailure(error.loggableDescription, isPermanent: error.isPermanent)
        }
    }
}

/// How the server sends e-mail: the relay, and the sender its messages come from
/// (`--smtp-host`, `--smtp-port`, `--smtp-tls`, `--smtp-user` with `TELEMED_SMTP_PASSWORD`, `--mail-from`).
public struct EmailSettings: Sendable {
    public var relay: SMTPConfiguration
    public var from: MailAddress

    public init(relay: SMTPConfiguration, from: MailAddress) {
        self.relay = relay
        self.from = from
    }
}
