import Foundation
import TelemedCore
import Testing

@testable import TelemedSolver

/// Solving by parts (``DecomposedSolver``): the cut shares nothing out, every specialist serves
/// one part, the whole plan is what the checker verifies, and the result does not depend on the
/// threads.
@Suite("Decomposition: parts solved apart, then the whole")
struct DecompositionTests {
    /// Bourgogne-Franche-Comté's four weeks, cut in parts of about 400 requests.
    static func demo() throws -> Scenario {
        try DemoRegionGenerator(
            catalog: try CommuneCatalog.shipped(region: "27"), profile: .bourgogneFrancheComte,
            options: .init(seed: 1, start: try LocalDate("2027-01-04"), weeks: 4)
        ).generate()
    }

    @Test("parts are whole departments: each request, specialist and unit in exactly one part")
    func partition() throws {
        let scenario = try Self.demo()
        let parts = ScenarioPartition(scenario, targetRequests: 400, regionOf: { _ in "27" }).parts
        #expect(parts.count >= 3)
        let requests = parts.flatMap { $0.scenario.requests.map(\.id) }
        #expect(Set(requests).count == requests.count, "a request in one part at most")
        let specialists = parts.flatMap { $0.scenario.specialists.map(\.id) }
        #expect(specialists.count == scenario.specialists.count && Set(specialists).count == specialists.count)
        #expect(parts.flatMap { $0.scenario.units.map(\.id) }.count == scenario.units.count)
        #expect(Set(parts.flatMap(\.departments)).count == parts.flatMap(\.departments).count)
        for part in parts {
            let own = Set(part.departments)
            #expect(
                part.scenario.requests.allSatisfy { request in
                    own.contains(part.scenario.sites.first { $0.id == request.siteId }!.departmentCode)
                })
            #expect(ScenarioValidator().validate(part.scenario).isEmpty, "part \(part.departments)")
        }
        // What no part can hold (a specialty whose few specialists went elsewhere) is left to the
        // whole pass, and stays a small share.
        let held = parts.reduce(0) { $0 + $1.scenario.requests.count }
        #expect(held * 10 >= scenario.requests.count * 9, "\(held) of \(scenario.requests.count) requests in parts")
    }

    @Test("the whole plan passes the checker, serves as much as parts alone, and is the same on one or two threads")
    func solvedByParts() throws {
        let scenario = try Self.demo()
        let solver = DecomposedSolver(scenario: scenario, partRequests: 400)
        #expect(solver.partCount >= 3)
        let one = try solver.solve(SolverOptions(seed: 1, iterations: 20, threads: 1)).plan
        let two = try solver.solve(SolverOptions(seed: 1, iterations: 20, threads: 2)).plan
        #expect(try ScenarioCoder.encode(one) == ScenarioCoder.encode(two))
        let report = try PlanChecker(scenario: scenario).check(one)
        #expect(report.isValid, "\(report.violations.prefix(5).map(\.description))")
        #expect(report.score.served == one.score.served && abs(report.score.soft - one.score.soft) < 1e-5)
        // The whole pass starts from the parts' plans: it serves at least what they served together.
        let partsServed = ScenarioPartition(scenario, targetRequests: 400, regionOf: { _ in "27" }).parts
            .enumerated().reduce(0) { total, entry in
                total
                    + (try! Solver(scenario: entry.element.scenario).solve(
                        SolverOptions(seed: 1 &+ UInt64(entry.offset), iterations: 20)
                    ).plan.bookings.count)
            }
        #expect(one.bookings.count >= partsServed)
    }

    @Test("only large scenarios without bookings are solved by parts")
    func applies() throws {
        var scenario = try Self.demo()
        #expect(!DecomposedSolver.applies(to: scenario), "1,366 requests: whole")
        scenario.requests = Array(repeating: scenario.requests, count: 5).enumerated().flatMap { copy, requests in
            requests.map { request in
                var request = request
                request.id = ConsultationRequest.ID("\(request.id.rawValue)-\(copy)")
                return request
            }
        }
        #expect(DecomposedSolver.applies(to: scenario))
        scenario.bookings = [
            Booking(
                id: "B-1", requestId: scenario.requests[0].id, specialistId: nil, siteId: scenario.requests[0].siteId,
                start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 600), host: .siteEquipment,
                status: .confirmed)
        ]
        #expect(!DecomposedSolver.applies(to: scenario), "a live schedule is solved whole")
    }
}
