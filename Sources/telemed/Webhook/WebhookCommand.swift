import ArgumentParser
import Foundation
import TelemedCore
import TelemedStore

struct WebhookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook",
        abstract: "Register, list and remove the endpoints that receive events by HTTP POST.",
        discussion: """
            Each delivery is signed: Telemed-Signature: t=<unix time>,v1=<hex HMAC-SHA256 of "t.body" under \
            the endpoint's secret>, with the event's id in Telemed-Event-Id. Secrets are kept sealed in the \
            database with the key file DB.webhooks.key (mode 0600), which `telemed serve` reads too.
            """,
        subcommands: [WebhookAddCommand.self, WebhookListCommand.self, WebhookRemoveCommand.self]
    )

    /// The key file beside the database that seals the secrets.
    /// The key sealing webhook secrets: a key file next to a SQLite database; on PostgreSQL a key
    /// every replica reads from the database itself.
    static func seal(for database: DatabaseOption, store: TelemedDatabase) throws -> SecretSeal {
        if database.isPostgres {
            return SecretSeal(key: try StoreFailure.wrap { try store.sharedKey(named: "webhooks") })
        }
        do {
            return SecretSeal(
                key: try KeyFile.loadOrCreate(at: database.path + ".webhooks.key", purpose: .webhookSecrets))
        } catch let failure as KeyFile.Failure {
            throw InputError(failure.description)
        }
    }
}

struct WebhookAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Register an endpoint; prints its id and signing secret (shown once).",
        discussion: "Example: telemed webhook add --db telemed.sqlite --url https://example.org/hooks "
            + "--events booking.confirmed,booking.cancelled"
    )

    @OptionGroup var database: DatabaseOption

    @Option(help: "Where events are POSTed (http:// or https://).")
    var url: String

    @Option(
        help: ArgumentHelp(
            "The events it takes, comma-separated: "
                + NotificationKind.allCases.map(\.rawValue).joined(separator: ", ") + "."),
        transform: parseEvents)
    var events: [NotificationKind]

    func run() throws {
        guard let endpoint = URL(string: url) else { throw InputError("--url \(url) is not a URL.") }
        let store = try database.openExisting()
        let seal = try WebhookCommand.seal(for: database, store: store)
        let (webhook, secret) = try StoreFailure.wrap {
            try store.addWebhook(url: endpoint, events: events, seal: seal, actor: "cli")
        }
        print("Webhook \(webhook.id) for \(webhook.events.map(\.rawValue).joined(separator: ", ")) at \(webhook.url)")
        print("Signing secret (shown once): \(secret)")
    }
}

struct WebhookListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The registered endpoints.")

    @OptionGroup var database: DatabaseOption

    func run() throws {
        let webhooks = try StoreFailure.wrap { try database.openExisting().webhooks() }
        if webhooks.isEmpty { print("No webhook.") }
        for webhook in webhooks {
            print("\(webhook.id)\t\(webhook.url)\t\(webhook.events.map(\.rawValue).joined(separator: ","))")
        }
    }
}

struct WebhookRemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove", abstract: "Stop deliveries to an endpoint (its pending ones are dropped).")

    @OptionGroup var database: DatabaseOption

    @Argument(help: "The webhook's id (wh-…), as `telemed webhook list` shows it.")
    var id: String

    func run() throws {
        try StoreFailure.wrap { try database.openExisting().removeWebhook(id, actor: "cli") }
        print("Removed \(id).")
    }
}

private func parseEvents(_ text: String) throws -> [NotificationKind] {
    try text.split(separator: ",").map { name in
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let kind = NotificationKind(rawValue: trimmed) else {
            throw ValidationError(
                "unknown event \(trimmed); the events are "
                    + NotificationKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return kind
    }
}
