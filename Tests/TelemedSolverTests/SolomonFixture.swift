import Foundation
import TelemedCore

@testable import TelemedSolver

/// Small Solomon instances written inline: a depot at (0, 0) open 0–1000, customers' windows
/// 0–800, five units of service time; 0.4 minute per unit of distance once imported.
enum SolomonFixture {
    static func instance(vehicles: Int, capacity: Int, customers: [(x: Int, y: Int, demand: Int)]) throws
        -> SolomonScenario
    {
        let rows = customers.enumerated().map { index, customer in
            "    \(index + 1)      \(customer.x)          \(customer.y)         \(customer.demand)          0        800          5"
        }
        let text = """
            INLINE

            VEHICLE
            NUMBER     CAPACITY
              \(vehicles)         \(capacity)

            CUSTOMER
            CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME

                0      0          0          0          0        1000          0
            \(rows.joined(separator: "\n"))
            """
        return try SolomonScenario(instance: SolomonInstance(text: text))
    }

    static func problem(_ imported: SolomonScenario) throws -> SchedulingProblem {
        try SchedulingProblem(scenario: imported.scenario, travelModel: imported.travel)
    }
}
