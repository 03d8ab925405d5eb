import Foundation
import TelemedCore
import TelemedServer

/// What `telemed serve` prints once listening: the address and the pages' sign-in URL, and after a
/// setup the admin token and a few URLs to try. The first line is machine-readable
/// (`listening on http://HOST:PORT`).
struct ServeBanner {
    let host: String
    let port: Int
    /// `--public-url`, where people open the pages; nil: the listening address.
    let publicURL: String?
    /// After a setup: what was made, and the first day of the region's horizon.
    let setup: (credentials: RegionCredentials, firstDay: LocalDate)?

    func show() {
        let base = "http://\(host):\(port)"
        let pages = publicURL ?? base
        var lines = ["listening on \(base)", "pages (sign in with an access code): \(pages)/"]
        if let (credentials, firstDay) = setup {
            if let admin = credentials.adminToken { lines.append("admin token (shown once): \(admin)") }
            lines.append("planner token: \(credentials.plannerToken)")
            if let site = credentials.feeds.first(where: { $0.kind == "site" }) {
                lines.append("feed of site \(site.ownerId): \(base)\(site.path)")
                if let token = credentials.siteTokens[site.ownerId] {
                    lines.append("token of site \(site.ownerId): \(token)")
                    lines.append("staff page of site \(site.ownerId): \(pages)/sites/\(site.ownerId)")
                    lines.append(
                        "try: curl -H 'Authorization: Bearer \(token)' "
                            + "'\(base)/api/v1/sites/\(site.ownerId)/bookings?from=\(firstDay)&to=\(firstDay.adding(days: 6))'"
                    )
                }
            }
            if let unit = credentials.feeds.first(where: { $0.kind == "unit" }) {
                lines.append("route feed of unit \(unit.ownerId): \(base)\(unit.path)")
            }
            lines.append("API description: \(base)/openapi.yaml · metrics: \(base)/metrics")
        }
        FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// Writes the credentials readable by the owner alone (0600), pretty JSON with sorted keys.
    static func writeCredentials(_ credentials: RegionCredentials, to path: String) throws {
        let data = try ScenarioCoder.encode(credentials)
        // Written beside, then renamed: whoever reads the path (another replica's operator, a test)
        // finds the whole file or none, and never a moment where it is readable by others.
        let partial = path + ".partial"
        guard FileManager.default.createFile(atPath: partial, contents: data, attributes: [.posixPermissions: 0o600]),
            rename(partial, path) == 0
        else { throw InputError("Cannot write \(path); the tokens it would hold are lost: delete the database.") }
    }
}
