import Foundation

/// A throwaway PostgreSQL cluster for the tests: `initdb` in a temporary folder, `pg_ctl start` on
/// a free loopback port, stopped when the test process exits. One per test process, started by
/// the first test that asks; each test then makes its own database with ``makeDatabase(_:)``.
///
/// `initdb` refuses to run as root, so as root (CI) the cluster runs as Debian's `postgres` user
/// through `runuser`. Trust authentication on loopback only: nothing here is reachable from
/// elsewhere, and the folder is deleted at exit.
public final class PostgresTestCluster: Sendable {
    public let port: Int
    public let user = "telemed"
    let folder: URL
    let binaries: URL
    let runAs: String?

    /// The cluster of this test process, started on first use.
    public static func shared() throws -> PostgresTestCluster {
        try lock.withLock {
            if let cluster = started { return cluster }
            let cluster = try PostgresTestCluster()
            started = cluster
            atexit { PostgresTestCluster.stopAtExit() }
            return cluster
        }
    }

    /// `postgres://telemed@127.0.0.1:PORT/NAME` for a new, empty database.
    public func makeDatabase(_ prefix: String = "test") throws -> String {
        let name = "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
        try run("createdb", ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, name])
        return address(name)
    }

    public func address(_ database: String) -> String {
        "postgres://\(user)@127.0.0.1:\(port)/\(database)?sslmode=disable"
    }

    /// The rows of `sql` on the database at `address` (one of ``makeDatabase(_:)``'s), one line per
    /// row, columns separated by `|` (`psql -At`).
    public func query(_ address: String, _ sql: String) throws -> [String] {
        let name = String(address.split(separator: "/").last!.split(separator: "?")[0])
        return try run("psql", ["-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", name, "-At", "-c", sql])
            .split(separator: "\n").map(String.init)
    }

    /// Runs one of the cluster's programs (`psql`, `createdb`, `pg_dump`…) and returns its output.
    ///
    /// Spawned and awaited with `posix_spawn` and `waitpid`, not `Process`: the server that
    /// `pg_ctl start` leaves running inherits the descriptor `Process` watches for its child's end,
    /// so `Process` would wait for the server.
    @discardableResult
    public func run(_ program: String, _ arguments: [String]) throws -> String {
        var command = [binaries.appendingPathComponent(program).path] + arguments
        if let runAs { command = ["/usr/sbin/runuser", "-u", runAs, "--"] + command }
        let output = folder.appendingPathComponent("command-\(UUID().uuidString.prefix(8)).out")
        defer { try? FileManager.default.removeItem(at: output) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        var argv = command.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, command[0], &actions, nil, &argv, environ)
        guard spawned == 0 else {
            throw PostgresTestClusterError(description: "cannot start \(command[0]): error \(spawned)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        // Exited normally with status 0 (WIFEXITED and WEXITSTATUS, which Swift does not import).
        guard status & 0x7f == 0, (status >> 8) & 0xff == 0 else {
            throw PostgresTestClusterError(description: "\(program) failed (wait status \(status)): \(text)")
        }
        return text
    }

    private static let lock = NSLock()
    private nonisolated(unsafe) static var started: PostgresTestCluster?

    private static func stopAtExit() {
        guard let cluster = started else { return }
        _ = try? cluster.run(
            "pg_ctl", ["-D", cluster.folder.appendingPathComponent("data").path, "-m", "immediate", "stop"])
        try? FileManager.default.removeItem(at: cluster.folder)
    }

    private init() throws {
        guard let binaries = Self.findBinaries() else {
            throw PostgresTestClusterError(
                description:
                    "PostgreSQL's server programs (initdb, pg_ctl) are not installed: run scripts/install-dependencies.sh"
            )
        }
        self.binaries = binaries
        runAs = getuid() == 0 ? "postgres" : nil
        folder = URL(fileURLWithPath: "/tmp").appendingPathComponent("telemed-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let runAs {
            // The server's user owns its folder; root keeps the right to delete it.
            guard let account = getpwnam(runAs) else {
                throw PostgresTestClusterError(
                    description: "no user \(runAs) to run PostgreSQL as (Debian's postgresql package creates it)")
            }
            guard chown(folder.path, account.pointee.pw_uid, account.pointee.pw_gid) == 0 else {
                throw PostgresTestClusterError(description: "cannot give \(folder.path) to \(runAs)")
            }
        }
        port = try Self.freePort()
        let data = folder.appendingPathComponent("data").path
        try run("initdb", ["-D", data, "-U", user, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"])
        try run(
            "pg_ctl",
            [
                "-D", data, "-l", folder.appendingPathComponent("server.log").path, "-w", "-t", "60", "-o",
                "-h 127.0.0.1 -p \(port) -k \(folder.path) -F -c max_connections=200", "start",
            ])
    }

    private static func findBinaries() -> URL? {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        for version in versions.sorted(by: { (Int($0) ?? 0) > (Int($1) ?? 0) }) {
            let bin = root.appendingPathComponent(version).appendingPathComponent("bin")
            if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) { return bin }
        }
        return nil
    }

    /// A loopback port nobody listens on now (the kernel's pick for port 0).
    private static func freePort() throws -> Int {
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw PostgresTestClusterError(description: "cannot open a socket") }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                bind(socket, pointer, length) == 0 && getsockname(socket, pointer, &length) == 0
            }
        }
        guard bound else { throw PostgresTestClusterError(description: "cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

public struct PostgresTestClusterError: Error, CustomStringConvertible {
    public var description: String
}
