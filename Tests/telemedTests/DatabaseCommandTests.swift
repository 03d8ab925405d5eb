import Foundation
import TelemedCore
import TelemedTestSupport
import Testing

/// `telemed db …` run as a user would, and as several server processes would share one file.
@Suite("telemed db, run as a user would")
struct DatabaseCommandTests {
    static let small = "Tests/TelemedCoreTests/Fixtures/small-scenario.json"
    static let demo = "Scenarios/bfc-demo.json"

    private func scenario(at path: String) throws -> Scenario {
        let url =
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : TelemedProcess.packageRoot.appendingPathComponent(path)
        return try ScenarioCoder.load(contentsOf: url)
    }

    private func committedIds(_ output: String) -> [String] {
        output.split(separator: "\n").filter { $0.hasPrefix("committed ") }.map { String($0.dropFirst(10)) }
    }

    @Test("db import then db export gives back an equal scenario", arguments: [small, demo])
    func roundTrip(_ file: String) throws {
        let db = TelemedProcess.temporaryFile("telemed.sqlite")
        let out = db.deletingLastPathComponent().appendingPathComponent("export.json")
        let imported = try TelemedProcess.run(["db", "import", file, "--db", db.path])
        #expect(imported.status == 0, "\(imported.standardError)")
        let exported = try TelemedProcess.run(["db", "export", "--out", out.path, "--db", db.path])
        #expect(exported.status == 0, "\(exported.standardError)")
        #expect(try scenario(at: out.path) == scenario(at: file))
    }

    @Test("db import into a database that holds a scenario is refused with a clear message, or replaces with --replace")
    func importRefused() throws {
        let db = TelemedProcess.temporaryFile("telemed.sqlite")
        #expect(try TelemedProcess.run(["db", "import", Self.small, "--db", db.path]).status == 0)
        let again = try TelemedProcess.run(["db", "import", Self.demo, "--db", db.path])
        #expect(again.status == 1)
        #expect(again.standardError.contains("already holds a scenario; nothing was imported"))
        #expect(!again.standardError.contains("USAGE"))
        let out = db.deletingLastPathComponent().appendingPathComponent("export.json")
        #expect(try TelemedProcess.run(["db", "export", "--out", out.path, "--db", db.path]).status == 0)
        #expect(try scenario(at: out.path) == scenario(at: Self.small))
        #expect(try TelemedProcess.run(["db", "import", Self.demo, "--db", db.path, "--replace"]).status == 0)
    }

    @Test("several OS processes confirming colliding bookings on one file: exactly one wins per collision")
    func processes() throws {
        let db = TelemedProcess.temporaryFile("telemed.sqlite")
        let (groups, writers) = (40, 4)
        let common = ["db", "confirm-load", "--db", db.path, "--groups", "\(groups)", "--writers", "\(writers)"]
        #expect(try TelemedProcess.run(common + ["--setup"]).status == 0)
        let running = try (0..<writers).map { try TelemedProcess.start(common + ["--writer", "\($0)"]) }
        let results = running.map { $0.finish() }
        for result in results { #expect(result.status == 0, "\(result.standardError)") }
        let won = results.flatMap { committedIds($0.standardOutput) }
        #expect(won.count == groups)
        let groupsWon = won.map { $0.split(separator: "-")[1] }
        #expect(Set(groupsWon).count == groups)
        let check = try TelemedProcess.run(["db", "check", "--db", db.path])
        #expect(check.status == 0, "\(check.standardOutput)")
        #expect(check.standardOutput.contains("\(groups) committed bookings without collision"))
    }

    @Test("db copy moves a SQLite database into PostgreSQL; db check and db export say the same there; once only")
    func copyIntoPostgres() throws {
        let db = TelemedProcess.temporaryFile("telemed.sqlite")
        let common = ["db", "confirm-load", "--db", db.path, "--groups", "12", "--writers", "1"]
        #expect(try TelemedProcess.run(common + ["--setup"]).status == 0)
        #expect(try TelemedProcess.run(common + ["--writer", "0"]).status == 0)
        let address = try PostgresTestCluster.shared().makeDatabase("copy")
        let copied = try TelemedProcess.run(["db", "copy", "--from", db.path, "--to", address])
        #expect(copied.status == 0, "\(copied.standardError)")
        #expect(copied.standardOutput.contains("bookings: "))
        let onFile = try TelemedProcess.run(["db", "check", "--db", db.path])
        let onServer = try TelemedProcess.run(["db", "check", "--db", address])
        #expect(onFile.status == 0 && onServer.status == 0, "\(onServer.standardOutput) \(onServer.standardError)")
        #expect(onServer.standardOutput.contains("12 committed bookings without collision"))
        let folder = db.deletingLastPathComponent()
        for (location, name) in [(db.path, "file.json"), (address, "server.json")] {
            let exported = try TelemedProcess.run(
                ["db", "export", "--db", location, "--out", folder.appendingPathComponent(name).path])
            #expect(exported.status == 0, "\(exported.standardError)")
        }
        #expect(
            try scenario(at: folder.appendingPathComponent("server.json").path)
                == scenario(at: folder.appendingPathComponent("file.json").path))
        let again = try TelemedProcess.run(["db", "copy", "--from", db.path, "--to", address])
        #expect(again.status == 1)
        #expect(again.standardError.contains("already holds a region or history"))
        let backup = try TelemedProcess.run(["db", "backup", folder.appendingPathComponent("b").path, "--db", address])
        #expect(backup.status == 1 && backup.standardError.contains("pg_dump"))
        let unreachable = try TelemedProcess.run(["db", "check", "--db", "postgres://telemed@127.0.0.1:1/none"])
        #expect(unreachable.status == 1 && unreachable.standardError.contains("Cannot use the PostgreSQL database"))
        #expect(!unreachable.standardError.contains("USAGE"))
    }

    @Test("a process killed with SIGKILL mid-load leaves a sound file holding every confirmation it reported")
    func killedWriter() throws {
        let db = TelemedProcess.temporaryFile("telemed.sqlite")
        let common = ["db", "confirm-load", "--db", db.path, "--groups", "4000", "--writers", "2"]
        #expect(try TelemedProcess.run(common + ["--setup"]).status == 0)
        let writer = try TelemedProcess.start(common + ["--writer", "0"])
        let other = try TelemedProcess.start(common + ["--writer", "1"])  // a second writer on the same file
        let read = OutputWatch.read(writer.standardOutput, of: writer.process, within: .seconds(300)) {
            committedIds($0).count >= 40
        }
        #expect(!read.timedOut, "no 40 confirmations within 5 minutes")
        let output = read.text
        // Both at once: each child inherited the other's pipes, so neither reaches end of file alone.
        kill(writer.process.processIdentifier, SIGKILL)
        kill(other.process.processIdentifier, SIGKILL)
        let killed = writer.finish()
        let otherKilled = other.finish()
        #expect(killed.status == SIGKILL)
        let reported = committedIds(output + killed.standardOutput) + committedIds(otherKilled.standardOutput)
        #expect(reported.count >= 40)

        let check = try TelemedProcess.run(["db", "check", "--db", db.path])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        let out = db.deletingLastPathComponent().appendingPathComponent("export.json")
        #expect(try TelemedProcess.run(["db", "export", "--out", out.path, "--db", db.path]).status == 0)
        let confirmed = Set(try scenario(at: out.path).bookings.filter { $0.status == .confirmed }.map(\.id.rawValue))
        let missing = Set(reported).subtracting(confirmed)
        #expect(missing.isEmpty, "reported committed but not in the file: \(missing.sorted())")
    }

    @Test("db backup while another process writes gives a copy that passes db check")
    func backupWhileWriting() throws {
        let db = TelemedProcess.temporaryFile("telemed.sqlite")
        let common = ["db", "confirm-load", "--db", db.path, "--groups", "300", "--writers", "1"]
        #expect(try TelemedProcess.run(common + ["--setup"]).status == 0)
        let writer = try TelemedProcess.start(common + ["--writer", "0"])
        _ = writer.standardOutput.availableData  // the load has started
        let copy = db.deletingLastPathComponent().appendingPathComponent("backup/copy.sqlite")
        let backup = try TelemedProcess.run(["db", "backup", copy.path, "--db", db.path])
        #expect(backup.status == 0, "\(backup.standardError)")
        #expect(writer.finish().status == 0)
        let check = try TelemedProcess.run(["db", "check", "--db", copy.path])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
    }
}
