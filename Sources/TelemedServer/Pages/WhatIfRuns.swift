import Foundation
import TelemedCore

/// The what-ifs started from the planner page in this process: the run's name, when it started
/// and the changed scenario it solves, which the comparison needs (sites' waits and routes) and
/// the stored run does not keep. After a restart a run's comparison asks to start it again.
actor WhatIfRuns {
    struct Entry: Sendable {
        let name: String
        let started: Date
        let scenario: Scenario
    }

    private var entries: [String: Entry] = [:]

    func add(_ id: String, _ entry: Entry) {
        entries[id] = entry
    }

    func entry(_ id: String) -> Entry? {
        entries[id]
    }
}
