import ArgumentParser
import Foundation
import TelemedStore

struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create and revoke API tokens (roles: admin, planner, site:ID, unit:ID, specialist:ID).",
        subcommands: [TokenCreateCommand.self, TokenRevokeCommand.self]
    )
}

struct TokenCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a token for a role; the token is the last word of the output.",
        discussion: "Only the token's SHA-256 is stored: it cannot be shown again, only revoked."
    )

    @OptionGroup var database: DatabaseOption

    @Option(help: "admin, planner, site:ID, unit:ID or specialist:ID.", transform: parseRole)
    var role: AccessRole

    func run() throws {
        let token = try StoreFailure.wrap {
            try database.openExisting().createToken(role: role, actor: "cli")
        }
        print("Token for \(role) (shown once): \(token)")
    }
}

struct TokenRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "Revoke a token at once, also for a server running on the same database."
    )

    @OptionGroup var database: DatabaseOption

    @Argument(help: "The token to revoke.")
    var token: String

    func run() throws {
        let revoked = try StoreFailure.wrap { try database.openExisting().revokeToken(token, actor: "cli") }
        guard revoked else { throw InputError("No active token matches; nothing was revoked.") }
        print("Revoked.")
    }
}

private func parseRole(_ text: String) throws -> AccessRole {
    guard let role = AccessRole(text) else {
        throw ValidationError("--role must be admin, planner, site:ID, unit:ID or specialist:ID, not \(text)")
    }
    return role
}
