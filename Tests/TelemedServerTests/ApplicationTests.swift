import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TelemedStore
import Testing

@testable import TelemedServer

@Suite("Application")
struct ApplicationTests {
    let configuration = ServerConfiguration(host: "127.0.0.1", port: 0, version: "9.8.7-test")

    @Test("GET /healthz answers 200 with sorted JSON status and version")
    func health() async throws {
        let app = try buildApplication(
            configuration: configuration, database: TelemedDatabase.inMemory(clock: ServerFixture.clock))
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(String(buffer: response.body) == #"{"status":"ok","version":"9.8.7-test"}"#)
            }
        }
    }

    @Test("an unknown route answers 404 with an RFC 9457 problem document")
    func unknownRoute() async throws {
        let app = try buildApplication(
            configuration: configuration, database: TelemedDatabase.inMemory(clock: ServerFixture.clock))
        try await app.test(.router) { client in
            try await client.execute(uri: "/feeds/secret-token.ics", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                let body = String(buffer: response.body)
                #expect(
                    body == #"{"detail":"No resource exists at this path.","status":404,"#
                        + #""title":"Not Found","type":"about:blank"}"#)
                #expect(!body.contains("secret-token"))
                let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(body.utf8))
                #expect(problem == ProblemDetails(status: .notFound, detail: "No resource exists at this path."))
            }
        }
    }

    @Test("an unexpected error becomes a 500 problem that reveals nothing of its cause")
    func unexpectedError() async throws {
        struct DatabaseExploded: Error {}
        let router = try buildRouter(
            services: ServerServices(
                configuration: configuration, database: try TelemedDatabase.inMemory(clock: ServerFixture.clock),
                logger: Logger(label: "test")))
        router.get("boom") { _, _ -> String in throw DatabaseExploded() }
        let app = Application(router: router)
        try await app.test(.router) { client in
            try await client.execute(uri: "/boom", method: .get) { response in
                #expect(response.status == .internalServerError)
                #expect(response.headers[.contentType] == "application/problem+json")
                let body = String(buffer: response.body)
                #expect(!body.contains("DatabaseExploded"))
                #expect(body.contains(#""status":500"#))
            }
        }
    }

    @Test("an HTTPError keeps its status and message as the problem detail")
    func httpErrorDetail() async throws {
        let router = try buildRouter(
            services: ServerServices(
                configuration: configuration, database: try TelemedDatabase.inMemory(clock: ServerFixture.clock),
                logger: Logger(label: "test")))
        router.get("bad") { _, _ -> String in throw HTTPError(.badRequest, message: "date must be YYYY-MM-DD") }
        let app = Application(router: router)
        try await app.test(.router) { client in
            try await client.execute(uri: "/bad", method: .get) { response in
                let problem = try JSONDecoder().decode(ProblemDetails.self, from: Data(buffer: response.body))
                #expect(response.status == .badRequest)
                #expect(problem == ProblemDetails(status: .badRequest, detail: "date must be YYYY-MM-DD"))
            }
        }
    }
}
