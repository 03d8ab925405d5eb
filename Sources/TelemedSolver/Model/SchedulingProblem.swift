import Foundation
import TelemedCore

/// A scenario compiled for search: integer ticks on the ``Timeline``, bit masks for equipment,
/// index arrays instead of ids, a travel matrix, and the pinned facts (confirmed bookings,
/// recurring stops). Built once; the search never touches ids, dates or time zones.
struct SchedulingProblem: Sendable {
    struct Request: Sendable {
        var site: Int
        var mode: ConsultationMode
        var equipment: UInt64
        var duration: Int
        /// What it takes from a hosting unit's daily capacity.
        var load: Int
        /// Local midnight of the first possible date (or the horizon start).
        var earliestStart: Int
        /// Local midnight after the latest date (or the horizon's end).
        var latestEnd: Int
        /// Days from the horizon start to the due date (negative when due before the horizon).
        var dueDay: Int
        var servedWeight: Int
        var latenessPerDay: Double
        var preferredSpecialist: Int?
        var patient: Int
        /// Specialists practising the specialty, the preferred one first; none for `crew`.
        var specialists: [Int]
        var department: Int
        /// Its care series' neighbours and spacing (``SeriesSpacing``); nil outside a series.
        var series: SeriesSpacing.Link?
    }

    struct Site: Sendable {
        var open: IntervalSet
        var nursePresent: IntervalSet
        var rooms: Int
        var equipment: UInt64
        var place: Int
    }

    struct Specialist: Sendable {
        var available: IntervalSet
        var maxPerDay: Int
    }

    struct Unit: Sendable {
        var equipment: UInt64
        var place: Int
        var setup: Int
        var maxDriving: Int
        var capacity: Int
        /// Per horizon day; nil when the unit does not work that day.
        var days: [Day?]
    }

    struct Day: Sendable {
        var shift: TickInterval
        /// Earliest start and latest end of the lunch break, and its length in ticks; nil without a break.
        var lunchWindow: TickInterval?
        var lunchTicks: Int
        var recurringStops: [PinnedStop]
    }

    struct PinnedStop: Sendable, Hashable {
        var site: Int
        var arrival: Int
        var departure: Int
    }

    /// A confirmed or done booking of the scenario: it stays exactly where it is.
    struct PinnedBooking: Sendable {
        var request: Int
        var booking: Booking
        var placement: Placement
    }

    let scenario: Scenario
    let availability: AvailabilityModel
    let travel: TravelMatrix
    let requests: [Request]
    let sites: [Site]
    let specialists: [Specialist]
    let units: [Unit]
    let pinned: [PinnedBooking]
    let patientCount: Int
    let departments: [String]
    /// Per horizon day: the longest review delay in ticks that is within `asyncReviewDays`
    /// whichever way days are counted across a clock change (24-hour days or calendar days).
    let reviewSpan: [Int]
    /// How the requests were compiled, ready for one more (``appending(_:)``).
    let requestCompiler: RequestCompiler
    /// The zone fairness terms' groups (none unless the weights name zone kinds).
    let zoneGroups: ZoneGroups
    /// The proposed bookings staff have seen, for the stability term.
    let incumbent: Incumbent
    /// Per request, the units that may host it (``unitsThatMayHost(_:)``), worked out once:
    /// every option search, repair and explanation asks.
    let hostingUnits: [[Int]]

    var timeline: Timeline { availability.timeline }
    var endTick: Int { timeline.endTick }

    /// The horizon day holding `tick`, clamped to the first or last day outside the horizon.
    func dayIndex(ofTick tick: Int) -> Int {
        timeline.dayIndex(ofTick: tick) ?? (tick < 0 ? 0 : timeline.dayCount - 1)
    }

    /// The same problem with one more request (compiled like the scenario's), at index
    /// `requests.count`: how proposals for a new request are found without recompiling. With
    /// `notBefore` (the present instant) the request starts no earlier: a day's slots that have
    /// passed are not offered.
    func appending(_ request: ConsultationRequest, notBefore: Date? = nil) throws(SolverError) -> SchedulingProblem {
        var compiler = requestCompiler
        var compiled = try compiler.compile(request)
        if let notBefore {
            compiled.earliestStart = max(compiled.earliestStart, timeline.tick(of: notBefore, rounding: .up))
        }
        var scenario = scenario
        scenario.requests.append(request)
        var requests = requests + [compiled]
        Self.link(&requests, scenario.requests)
        return SchedulingProblem(
            scenario: scenario, availability: availability, travel: travel, requests: requests,
            sites: sites, specialists: specialists, units: units, pinned: pinned,
            patientCount: compiler.patients.count, departments: compiler.departments, reviewSpan: reviewSpan,
            requestCompiler: compiler, zoneGroups: zoneGroups, incumbent: incumbent.appending(),
            hostingUnits: hostingUnits + [Self.hostingUnits(of: compiled, sites: sites, units: units, travel: travel)])
    }

    /// Sets every compiled request's series links (``SeriesSpacing/links(of:)``).
    static func link(_ requests: inout [Request], _ sources: [ConsultationRequest]) {
        for (position, link) in SeriesSpacing.links(of: sources).enumerated() { requests[position].series = link }
    }

    /// Lateness penalty of a start on `day` for `request`.
    func lateness(_ request: Int, day: Int) -> Double {
        let model = requests[request]
        return Double(max(0, day - model.dueDay)) * model.latenessPerDay
    }
}
