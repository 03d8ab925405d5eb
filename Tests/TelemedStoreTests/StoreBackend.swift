import Foundation
import TelemedCore
import TelemedTestSupport
import Testing

@testable import TelemedStore

/// The two stores a contract test runs on: SQLite in memory, and a new database of the test
/// process's throwaway PostgreSQL cluster.
enum StoreBackend: String, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgres

    var testDescription: String { rawValue }

    func open(clock: ServiceClock = StoreFixture.clock) throws -> TelemedDatabase {
        switch self {
        case .sqlite:
            try TelemedDatabase.inMemory(clock: clock)
        case .postgres:
            try TelemedDatabase(
                postgres: PostgresLocation(try PostgresTestCluster.shared().makeDatabase("store")), clock: clock)
        }
    }
}
