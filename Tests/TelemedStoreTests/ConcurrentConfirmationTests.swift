import Foundation
import TelemedCore
import Testing

@testable import TelemedStore

@Suite("Concurrent confirmations")
struct ConcurrentConfirmationTests {
    @Test("many tasks confirming colliding bookings on one file: exactly one wins per collision")
    func tasks() async throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let load = ConfirmLoad(groups: 30, writers: 6)
        let path = folder.path("telemed.sqlite")
        try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock).importScenario(load.scenario(), actor: "test")
        let results = try await withThrowingTaskGroup(of: [Booking.ID].self) { group in
            for writer in 0..<load.writers {
                group.addTask {
                    // Each writer its own pool, as separate server instances would.
                    let store = DatabaseBookingStore(try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock))
                    var won: [Booking.ID] = []
                    try load.run(store: store, writer: writer) { id, committed in if committed { won.append(id) } }
                    return won
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        let database = try TelemedDatabase.openFile(at: path, clock: StoreFixture.clock)
        let confirmed = try database.exportScenario().bookings.filter { $0.status == .confirmed }
        #expect(results.count == load.groups)
        #expect(Set(confirmed.map(\.id)) == Set(results))
        let winnersPerGroup = Dictionary(grouping: confirmed) { $0.start }.mapValues(\.count)
        #expect(winnersPerGroup.count == load.groups && winnersPerGroup.values.allSatisfy { $0 == 1 })
        let report = try database.check()
        #expect(report.isValid, "\(report.problems)")
        #expect(report.committedBookings == load.groups)
    }

    @Test("the load scenario is valid")
    func loadScenarioIsValid() {
        #expect(ScenarioValidator().validate(ConfirmLoad(groups: 45, writers: 3).scenario()).isEmpty)
    }
}
