import Foundation
import TelemedCore
import Testing

/// The clock, the rolling window and the roll, run as an operator would: `serve --now`,
/// `db roll`, `db settings`, and a roll killed halfway.
@Suite("The clock and the rolling window, run as a user would")
struct PlanningWindowCommandTests {
    /// Booking statuses by id, read with Python's sqlite3 (history included, which no command
    /// exports).
    private static func bookings(in database: URL) throws -> [String: String] {
        let script = """
            import json, sqlite3, sys
            rows = sqlite3.connect(sys.argv[1]).execute("SELECT id, status, start FROM bookings").fetchall()
            print(json.dumps({id: status + " " + start for id, status, start in rows}))
            """
        let result = try PythonTools.python(["-c", script, database.path])
        #expect(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode([String: String].self, from: Data(result.standardOutput.utf8))
    }

    private static func settings(_ database: URL) throws -> String {
        let result = try TelemedProcess.run(["db", "settings", "--db", database.path])
        #expect(result.status == 0, "\(result.standardError)")
        return result.standardOutput
    }

    @Test("serve --now 2028-03-06 on a fresh database: the demo starts that week and proposals start that day")
    func serveNow() async throws {
        let server = try RunningServer(
            extraArguments: ["--now", "2028-03-06T08:00:00+01:00"], setUpDemo: true)
        let site = try #require(server.credentials.siteTokens.keys.sorted().first)
        let token = try #require(server.credentials.siteTokens[site])
        let visitor = PageVisitor(base: server.baseURL)
        _ = try visitor.signIn(token)
        let page = try visitor.get("/sites/\(site)")
        #expect(page.status == 200)
        #expect(page.body.contains("Cette semaine du lundi 6 mars 2028"))

        let body =
            #"{"siteId": "\#(site)", "patientRef": "P-NOW-1", "specialty": "generalPractice", "mode": "live", "urgency": "soon", "durationMinutes": 30}"#
        let reply = try await server.send("POST", "/api/v1/requests", token: token, json: body)
        #expect(reply.status == 201, "\(reply.text)")
        let proposals = try #require(try reply.json()["proposals"] as? [[String: Any]])
        #expect(!proposals.isEmpty)
        let formatter = ISO8601DateFormatter()
        let now = try ServiceClock.instant("2028-03-06T08:00:00+01:00")
        for proposal in proposals {
            let start = try #require((proposal["start"] as? String).flatMap(formatter.date(from:)))
            #expect(start >= now && start < now.addingTimeInterval(28 * 86_400))
        }
        #expect(server.stop() == 0)
    }

    @Test(
        "db roll 40 days on: history kept with its statuses, db check passes, new days open, a second roll changes nothing"
    )
    func rollForty() throws {
        let server = try RunningServer()
        #expect(server.stop() == 0)
        let database = server.database
        let before = try Self.bookings(in: database)
        #expect(before.values.contains { $0.hasPrefix("confirmed") })
        #expect(try Self.settings(database).contains("today: 2027-03-22"))

        let roll = try TelemedProcess.run(
            ["db", "roll", "--db", database.path, "--to", "2027-05-01", "--now", "2027-03-22T08:00:00+01:00"])
        #expect(roll.status == 0, "\(roll.standardError)")
        #expect(roll.standardOutput.contains("rolled 40 day(s) from 2027-03-22 to 2027-05-01"))
        let settings = try Self.settings(database)
        #expect(settings.contains("today: 2027-05-01") && settings.contains("window end: 2027-06-25"))
        let check = try TelemedProcess.run(["db", "check", "--db", database.path])
        #expect(check.status == 0, "\(check.standardOutput)")
        // Every booking made before is still there, as it was.
        let after = try Self.bookings(in: database)
        for (id, state) in before { #expect(after[id] == state, "booking \(id)") }
        // Ascension (Thursday 6 May 2027) and Whit Monday (17 May) are closed in the new days.
        for (_, state) in after {
            #expect(!state.contains("2027-05-06 ") && !state.contains("2027-05-17 "), "\(state)")
        }

        let again = try TelemedProcess.run(["db", "roll", "--db", database.path, "--to", "2027-05-01"])
        #expect(again.status == 0 && again.standardOutput.contains("already at 2027-05-01; nothing changed"))
        #expect(try Self.bookings(in: database) == after)
        let back = try TelemedProcess.run(["db", "roll", "--db", database.path, "--to", "2027-04-01"])
        #expect(back.status == 1 && back.standardError.contains("cannot roll back to 2027-04-01"))
        #expect(!back.standardError.contains("USAGE"))
    }

    @Test("a roll killed with SIGKILL leaves the file at a whole day, db check passes, and the roll resumes")
    func killedRoll() throws {
        let database = TelemedProcess.temporaryFile("telemed.sqlite")
        let imported = try TelemedProcess.run(["db", "import", "Scenarios/bfc-demo.json", "--db", database.path])
        #expect(imported.status == 0, "\(imported.standardError)")
        let arguments = [
            "db", "roll", "--db", database.path, "--to", "2027-02-15", "--now", "2027-01-04T08:00:00+01:00",
        ]
        let rolling = try TelemedProcess.start(arguments)
        // Kill it once a day has committed, while the next is under way.
        let read = OutputWatch.read(rolling.standardOutput, of: rolling.process, within: .seconds(300)) {
            $0.contains("2027-01-05:")
        }
        #expect(!read.timedOut, "the roll did not commit 2027-01-05 within 5 minutes")
        usleep(300_000)
        kill(rolling.process.processIdentifier, SIGKILL)
        let killed = rolling.finish()
        #expect(killed.status != 0, "the roll ended before it was killed: \(killed.standardOutput)")

        let settings = try Self.settings(database)
        let today = try #require(settings.split(separator: "\n").first { $0.hasPrefix("today: ") })
        let date = try LocalDate(String(today.dropFirst("today: ".count)))
        #expect(date >= LocalDate(year: 2027, month: 1, day: 5)! && date < LocalDate(year: 2027, month: 2, day: 15)!)
        let check = try TelemedProcess.run(["db", "check", "--db", database.path])
        #expect(check.status == 0, "\(check.standardOutput)")
        let resumed = try TelemedProcess.run(arguments)
        #expect(resumed.status == 0, "\(resumed.standardError)")
        #expect(try Self.settings(database).contains("today: 2027-02-15"))
    }

    @Test("db import refuses a recurring stop its unit cannot make, naming the rule; nothing is imported")
    func importRefusesUnplannableStop() throws {
        let database = TelemedProcess.temporaryFile("telemed.sqlite")
        let file = try ScenarioCommandTests.unreachableStopScenario()
        let result = try TelemedProcess.run(["db", "import", file.path, "--db", database.path])
        #expect(result.status == 1)
        #expect(result.standardOutput.contains("stopReachable"), "\(result.standardOutput)")
        #expect(result.standardError.contains("pinned fact(s) break a rule; nothing was imported"))
        let settings = try TelemedProcess.run(["db", "settings", "--db", database.path])
        #expect(
            settings.status == 1 && settings.standardError.contains("There is no database at"),
            "no file was even created")
    }

    @Test("db settings --window-weeks: 1–52, shown back; a bad value is refused and changes nothing")
    func windowSettings() throws {
        let database = TelemedProcess.temporaryFile("telemed.sqlite")
        #expect(
            try TelemedProcess.run(["db", "import", DatabaseCommandTests.small, "--db", database.path]).status == 0)
        #expect(try Self.settings(database).contains("window weeks: 8"))
        let set = try TelemedProcess.run(["db", "settings", "--db", database.path, "--window-weeks", "12"])
        #expect(set.status == 0 && set.standardOutput.contains("window weeks: 12"))
        let bad = try TelemedProcess.run(["db", "settings", "--db", database.path, "--window-weeks", "60"])
        #expect(bad.status == 1 && bad.standardError.contains("the window is 1–52 weeks, not 60"))
        #expect(try Self.settings(database).contains("window weeks: 12"))
    }
}
