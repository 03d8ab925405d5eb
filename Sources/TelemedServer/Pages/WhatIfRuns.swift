import Foundation
import TelemedCore
import TelemedStore

/// The what-ifs started from the planner page: the name the planner gave, when it started and the
/// changed scenario it solves, which the comparison needs (sites' waits and routes) and the plan
/// run does not keep. Stored beside the run (``TelemedDatabase/saveWhatIfRun(_:)``), so the
/// progress and comparison pages survive a restart; the last few read are kept in memory, since
/// the progress page reloads itself every two seconds and a scenario is large.
actor WhatIfRuns {
    /// How many what-ifs stay decoded in memory.
    static let kept = 8

    private var recent: [WhatIfRun] = []

    func add(_ run: WhatIfRun, in database: TelemedDatabase) throws {
        try database.saveWhatIfRun(run)
        remember(run)
    }

    /// The what-if of plan run `id`; nil when that run was not started from the planner page.
    func entry(_ id: String, in database: TelemedDatabase) throws -> WhatIfRun? {
        if let run = recent.first(where: { $0.planRunId == id }) { return run }
        guard let run = try database.whatIfRun(planRunId: id) else { return nil }
        remember(run)
        return run
    }

    private func remember(_ run: WhatIfRun) {
        recent.removeAll { $0.planRunId == run.planRunId }
        recent.insert(run, at: 0)
        if recent.count > Self.kept { recent.removeLast() }
    }
}
