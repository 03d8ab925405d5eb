import Foundation
import Hummingbird
import HummingbirdTesting
import TelemedCore
import TelemedPages
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("Plan runs")
struct PlanTests {
    struct PlanBody: Decodable {
        var id: String
        var status: String
        var kpis: PlanKPIsBody?
        var unassigned: [UnassignedRequest]?
        var applied: PlanApplication?
    }

    struct PlanKPIsBody: Decodable {
        var requests: Int
        var served: Int
    }

    private struct ComparisonBody: Decodable {
        var a: Column
        var b: Column

        struct Column: Decodable {
            var id: String
            var kpis: PlanKPIsBody
        }
    }

    /// Starts a run (202, `running`) and polls it until it ends.
    static func run(
        _ body: String, client: some TestClientProtocol, headers: HTTPFields
    ) async throws -> PlanBody {
        let id = try await client.execute(
            uri: "/api/v1/plans", method: .post, headers: headers, body: ByteBuffer(string: body)
        ) { response in
            #expect(response.status == .accepted)
            let run = try response.decode(PlanBody.self)
            #expect(response.headers[.location] == "/api/v1/plans/\(run.id)")
            #expect(run.status == "running")
            return run.id
        }
        let deadline = ContinuousClock.now + .seconds(300)
        var run: PlanBody
        repeat {
            try await Task.sleep(for: .milliseconds(50))
            run = try await client.execute(uri: "/api/v1/plans/\(id)", method: .get, headers: headers) {
                try $0.decode(PlanBody.self)
            }
        } while run.status == "running" && ContinuousClock.now < deadline
        #expect(run.status == "finished")
        return run
    }

    /// A fixture whose bookings stay proposed but one on site equipment and the unit's crew work,
    /// confirmed, with the specialist of a unit-hosted one made unavailable on that booking's day
    /// (an imported calendar): a re-optimisation has to move or cancel it. Returns the booking.
    private static func movedWork(iterations: Int = 30) throws -> (ServerFixture, Booking) {
        let fixture = try ServerFixture(
            configuration: ServerConfiguration(port: 0, planTimeLimit: .seconds(60), planIterations: iterations),
            confirmedDays: 0)
        var bookings = try fixture.database.schedule().scenario.bookings
        let onSite = try #require(bookings.first { $0.host == .siteEquipment })
        let crewWork = try #require(bookings.first { $0.host.unitId != nil && $0.specialistId == nil })
        for booking in [onSite, crewWork] {
            #expect(try DatabaseBookingStore(fixture.database).confirm(booking.id, actor: "site").value != nil)
        }
        bookings = try fixture.database.schedule().scenario.bookings
        let target = try #require(
            bookings.first { $0.status == .proposed && $0.specialistId != nil && $0.host.unitId != nil })
        let day = WallClock.paris.dayInterval(WallClock.paris.localDate(of: target.start))
        try fixture.database.updateExceptions(ofSpecialist: target.specialistId!, actor: "admin") { stored in
            stored + [AvailabilityException(kind: .unavailable, start: day.start, end: day.end, note: "congé")]
        }
        return (fixture, target)
    }

    @Test("a what-if runs in the background, never touches live bookings, and compares with a re-optimisation")
    func whatIfLeavesBookings() async throws {
        let fixture = try ServerFixture()
        let planner = ServerFixture.bearer(fixture.credentials.plannerToken, json: true)
        let before = try fixture.database.schedule().scenario.bookings
        let generation = try fixture.database.changeGeneration()
        let horizon = LocalDate(year: 2027, month: 3, day: 22)!.through(LocalDate(year: 2027, month: 4, day: 2)!)
        let closed = horizon.map { "\"\($0)\"" }.joined(separator: ", ")
        try await fixture.app().test(.router) { client in
            let whatIf = try await Self.run(
                #"{"kind": "whatif", "changes": [{"kind": "closeSite", "siteId": "E-58-0001", "dates": [\#(closed)]}]}"#,
                client: client, headers: planner)
            #expect(whatIf.applied == nil)
            #expect(try fixture.database.schedule().scenario.bookings == before)
            #expect(try fixture.database.changeGeneration() == generation)
            let reoptimised = try await Self.run(#"{"kind": "reoptimise"}"#, client: client, headers: planner)
            // With the EHPAD closed, its requests are unassigned, each with a reason.
            #expect(whatIf.unassigned?.isEmpty == false)
            #expect(whatIf.kpis!.served < reoptimised.kpis!.served)
            try await client.execute(
                uri: "/api/v1/plans/\(whatIf.id)/compare/\(reoptimised.id)", method: .get, headers: planner
            ) { response in
                #expect(response.status == .ok)
                let comparison = try response.decode(ComparisonBody.self)
                #expect(comparison.a.id == whatIf.id)
                #expect(comparison.b.kpis.served == reoptimised.kpis!.served)
            }
        }
    }

    @Test("a re-optimisation applies its plan to the proposed work; confirmed bookings stay and the feeds follow")
    func reoptimiseApplies() async throws {
        let (fixture, target) = try Self.movedWork()
        let planner = ServerFixture.bearer(fixture.credentials.plannerToken, json: true)
        let staff = ServerFixture.bearer(fixture.token(site: ServerFixture.ehpad), json: true)
        let committed = try fixture.database.schedule().scenario.bookings.filter(\.status.isPinned)
        #expect(!committed.isEmpty)
        let feed = fixture.feed("site", target.siteId.rawValue)
        try await fixture.app().test(.router) { client in
            let etag = try await client.execute(uri: feed.path, method: .get) { $0.headers[.eTag] }
            // Staff ask for a consultation and leave without booking: the request has no booking.
            let requestId = try await client.execute(
                uri: "/api/v1/requests", method: .post, headers: staff, body: ServerFixture.dermatologyRequest()
            ) { response in
                #expect(response.status == .created)
                return try response.decode(ProposalsBody.self).requestId
            }
            let run = try await Self.run(#"{"kind": "reoptimise"}"#, client: client, headers: planner)
            let applied = try #require(run.applied)
            #expect(applied.added >= 1)
            #expect(applied.rescheduled + applied.cancelled >= 1)
            #expect(applied.skipped == 0 && applied.committedChanged == 0 && applied.routesKept == 0)

            let bookings = try fixture.database.schedule().scenario.bookings
            for booking in committed { #expect(bookings.contains(booking)) }
            // The plan's routes, now stored, still carry the confirmed crew work.
            let crewWork = try #require(committed.first { $0.host.unitId != nil })
            let route = try #require(
                try fixture.database.schedule().routes.first {
                    $0.day.unitId == crewWork.host.unitId
                        && $0.day.date == WallClock.paris.localDate(of: crewWork.start)
                })
            #expect(
                route.visits.contains {
                    $0.siteId == crewWork.siteId && $0.arrival <= crewWork.start && crewWork.end <= $0.departure
                })
            #expect(bookings.contains { $0.requestId.rawValue == requestId && $0.status == .proposed })
            let moved = try #require(bookings.first { $0.id == target.id })
            #expect(moved.version == 2)
            #expect(
                moved.status == .cancelled || moved.specialistId != target.specialistId
                    || WallClock.paris.localDate(of: moved.start) != WallClock.paris.localDate(of: target.start))

            try await client.execute(uri: feed.path, method: .get) { response in
                #expect(response.headers[.eTag] != etag)
                let text = String(buffer: response.body).replacingOccurrences(of: "\r\n ", with: "")
                let event = try #require(
                    text.components(separatedBy: "BEGIN:VEVENT").first {
                        $0.contains("UID:booking-\(target.id)-site@telemed")
                    })
                #expect(event.contains("SEQUENCE:2"))
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains(#"telemed_plan_changes_total{change="added"} \#(applied.added)"#))
                #expect(text.contains(#"telemed_plan_runs_total{kind="reoptimise",outcome="finished"} 1"#))
            }
        }
        let entries = try fixture.database.auditEntries(limit: 1_000)
        #expect(entries.contains { $0.action == "plan.apply" && $0.actor == "planner" })
        #expect(entries.contains { $0.action == "booking.reschedule" || $0.action == "booking.cancelled" })
        #expect(try fixture.database.check().isValid)
    }

    @Test(
        "a run plans around proposed work that has started, keeps the rest as seen, and leaves out requests staff cancelled"
    )
    func runBase() throws {
        let fixture = try ServerFixture(confirmedDays: 0)
        let store = DatabaseBookingStore(fixture.database)
        let first = try #require(try fixture.database.schedule().scenario.bookings.min { $0.start < $1.start })
        let last = try #require(try fixture.database.schedule().scenario.bookings.max { $0.start < $1.start })
        try store.cancel(last.id, actor: "site")
        let stored = try fixture.database.schedule().scenario
        let base = PlanRunner.base(of: stored, at: first.start)
        #expect(base.bookings.contains { $0.id == first.id && $0.status == .confirmed })
        #expect(!base.bookings.contains { $0.id == last.id })
        #expect(!base.requests.contains { $0.id == last.requestId })
        #expect(base.requests.count == stored.requests.count - 1)
        // A week earlier nothing is frozen: the proposed bookings stay proposed, the ones staff have
        // seen (the stability term), and the cancelled request's booking is left out.
        let earlier = PlanRunner.base(of: stored, at: first.start.addingTimeInterval(-7 * 86_400)).bookings
        #expect(earlier.allSatisfy { $0.status == .proposed })
        #expect(earlier.map(\.id) == stored.bookings.filter { $0.status == .proposed }.map(\.id))
        #expect(!earlier.contains { $0.id == last.id })
    }

    @Test("the same stored state, seed and iteration count apply the same changes")
    func reoptimiseIsDeterministic() async throws {
        var outcomes: [(applied: PlanApplication, bookings: [Booking])] = []
        for _ in 0..<2 {
            let (fixture, _) = try Self.movedWork()
            let planner = ServerFixture.bearer(fixture.credentials.plannerToken, json: true)
            var applied = try await fixture.app().test(.router) { client in
                try #require(try await Self.run(#"{"kind": "reoptimise"}"#, client: client, headers: planner).applied)
            }
            applied.appliedAt = Date(timeIntervalSince1970: 0)
            outcomes.append((applied, try fixture.database.schedule().scenario.bookings))
        }
        #expect(outcomes[0].applied.rescheduled + outcomes[0].applied.cancelled >= 1)
        #expect(outcomes[0].applied == outcomes[1].applied)
        #expect(outcomes[0].bookings == outcomes[1].bookings)
    }

    @Test("a re-optimisation with nothing changed moves none of the proposed bookings staff have seen")
    func reoptimiseKeepsSeenProposals() async throws {
        let fixture = try ServerFixture(
            // Another seed than the set-up's: a search from scratch would land elsewhere.
            configuration: ServerConfiguration(port: 0, planTimeLimit: .seconds(60), planSeed: 5, planIterations: 200),
            confirmedDays: 0)
        let before = try fixture.database.schedule().scenario.bookings
        let proposed = before.filter { $0.status == .proposed }
        #expect(!proposed.isEmpty)
        let planner = ServerFixture.bearer(fixture.credentials.plannerToken, json: true)
        let run = try await fixture.app().test(.router) { client in
            try await Self.run(#"{"kind": "reoptimise"}"#, client: client, headers: planner)
        }
        let applied = try #require(run.applied)
        #expect(applied.rescheduled == 0 && applied.cancelled == 0, "\(applied)")
        #expect(applied.unchanged == proposed.count)
        let after = try fixture.database.schedule().scenario.bookings
        for booking in proposed {
            let now = try #require(after.first { $0.id == booking.id })
            #expect(SeenProposals.keeps(now, placeOf: booking) && now.version == booking.version)
        }
    }

    @Test("a what-if naming an unknown unit is a 400 before anything runs")
    func unknownIdInChange() async throws {
        let fixture = try ServerFixture()
        let planner = ServerFixture.bearer(fixture.credentials.plannerToken, json: true)
        try await fixture.app().test(.router) { client in
            try await client.execute(
                uri: "/api/v1/plans", method: .post, headers: planner,
                body: ByteBuffer(string: #"{"kind": "whatif", "changes": [{"kind": "removeUnit", "unitId": "U-09"}]}"#)
            ) { response in
                let problem = try response.decode(ProblemBody.self)
                #expect(response.status == .badRequest)
                #expect(problem.detail.contains("changes[0].unitId: unknown unit"))
            }
        }
        #expect(try fixture.database.planRuns().isEmpty)
    }
}

@Suite("Operations")
struct OperationsTests {
    @Test("/metrics counts requests by route pattern and status, never by raw path")
    func metrics() async throws {
        let fixture = try ServerFixture()
        let feed = fixture.feed("site", ServerFixture.ehpad)
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: feed.path, method: .get) { _ in }
            try await client.execute(uri: "/api/v1/plans/x", method: .get) { _ in }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
                #expect(
                    text.contains(#"telemed_http_requests_total{method="GET",route="/feeds/{file}",status="200"} 1"#))
                #expect(text.contains(#"route="/api/v1/plans/{id}",status="401"} 1"#))
                #expect(text.contains(#"telemed_bookings_total{event="confirmed"} 0"#))
                #expect(!text.contains(feed.secret))
            }
        }
    }

    @Test("every path of the pages' route table is served: DELETE on each is a 405, never a 404")
    func pageRoutesRegistered() async throws {
        let fixture = try ServerFixture()
        try await fixture.app().test(.router) { client in
            for route in PageRoutes.all {
                let parameters = route.pattern.split(separator: "/").filter { $0.hasPrefix("{") }
                let path = route.path(parameters.indices.map { "X-\($0)" })
                try await client.execute(uri: path, method: .delete) { response in
                    #expect(response.status == .methodNotAllowed, "\(route.pattern) → \(path)")
                }
            }
        }
    }

    @Test("a method a path does not serve is a 405 with Allow; HEAD is answered wherever GET is")
    func methods() async throws {
        let fixture = try ServerFixture()
        let admin = ServerFixture.bearer(fixture.credentials.adminToken!)
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/healthz", method: .trace) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "GET, HEAD")
                #expect(response.headers[.contentType] == "application/problem+json")
            }
            try await client.execute(uri: "/api/v1/bookings/B-1", method: .delete, headers: admin) { response in
                #expect(response.status == .methodNotAllowed)
            }
            try await client.execute(uri: fixture.feed("unit", "U-58").path, method: .head) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.eTag] != nil)
            }
        }
    }

    @Test("/openapi.yaml serves the document checked in at the repository root")
    func openAPI() async throws {
        let fixture = try ServerFixture()
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let checkedIn = try String(contentsOf: root.appendingPathComponent("openapi.yaml"), encoding: .utf8)
        try await fixture.app().test(.router) { client in
            try await client.execute(uri: "/openapi.yaml", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == checkedIn)
                for path in [
                    "/api/v1/requests:", "/api/v1/bookings:", "/api/v1/plans/{id}/compare/{other}:", "/feeds/{file}:",
                ] {
                    #expect(checkedIn.contains("  \(path)\n"))
                }
            }
        }
    }
}
