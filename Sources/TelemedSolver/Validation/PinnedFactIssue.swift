import TelemedCore

/// A pinned fact (a unit's recurring stop, its lunch break) that breaks a hard rule by itself,
/// before any request is planned: where it is in the scenario, which rule, and the numbers.
///
/// ```swift
/// PinnedFactIssue(
///     rule: .stopReachable, path: JSONPath("units")[0].key("recurringStops")[0],
///     message: "unit U-01 cannot reach E-58-0001 from its depot and back within …")
/// ```
public struct PinnedFactIssue: Hashable, Sendable, CustomStringConvertible {
    /// One name per rule, as in `docs/constraints.md` ("Pinned facts checked before solving").
    public enum Rule: String, CaseIterable, Sendable {
        /// Depot → stop → depot drives more than `maxDrivingMinutesPerDay`.
        case stopReachable
        /// Depot → the day's stops in arrival order → depot drives more than `maxDrivingMinutesPerDay`.
        case stopChainDriving
        /// The drive between two stops does not fit between one's departure and the next's arrival.
        case stopLegFits
        /// The first stop cannot be reached after the shift starts, or the depot after the last
        /// stop before the shift ends.
        case stopWithinShift
        /// `setupMinutes` is longer than the stop.
        case stopSetupFits
        /// No lunch break of `minutes` fits in its window around the stops and the drives.
        case lunchFits
        /// The stop falls outside the site's opening hours on its weekday: a legal route, but
        /// nothing can be booked there, so it is reported without refusing the scenario.
        case stopSiteOpen
        /// The stop's pattern (`everyWeeks` from `anchorDate`, `weekOfMonth`) falls on none of the
        /// unit's days of its weekday in the horizon: reported without refusing, like `stopSiteOpen`.
        case stopOccurs
        /// The solver's own route evaluation refuses the day for a reason the rules above miss:
        /// a safety net, so that a scenario passing the check always gets its pinned visits timed.
        case unitRouteFeasible
    }

    public var rule: Rule
    public var path: JSONPath
    public var message: String

    public init(rule: Rule, path: JSONPath, message: String) {
        self.rule = rule
        self.path = path
        self.message = message
    }

    /// False only for findings that break no hard rule of the plan checker (`stopSiteOpen`,
    /// `stopOccurs`): `telemed scenario validate` prints them, the solver still plans.
    public var refuses: Bool { rule != .stopSiteOpen && rule != .stopOccurs }

    /// `units[0].recurringStops[0]: stopReachable: unit U-01 cannot reach …`
    public var description: String { "\(path): \(rule.rawValue): \(message)" }

    /// As a validation issue (the rule name leads the message), for reports that list both.
    public var validationIssue: ValidationIssue { ValidationIssue(path, "\(rule.rawValue): \(message)") }
}
