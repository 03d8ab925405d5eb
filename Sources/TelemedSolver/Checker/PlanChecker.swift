import Foundation
import TelemedCore

/// The independent plan checker of DESIGN.md: re-verifies every hard rule of
/// `docs/constraints.md` from the scenario and the plan alone, and recomputes the score. It shares
/// no code with the solver's bookkeeping, so a solver bug cannot hide itself.
///
/// Availability is derived per date with ``WallClock/paris`` and ``FrenchPublicHolidays``; checks
/// are one small function per constraint (`PlanChecker+Specialists.swift`, `+Sites`, `+Units`,
/// `+Routes`, `+Requests`, `+Series`), the objective is in `+Objective`.
///
/// ```swift
/// let report = try PlanChecker(scenario: scenario).check(plan)
/// print(report.isValid, report.score)
/// ```
public struct PlanChecker: Sendable {
    public let scenario: Scenario
    public let travel: any TravelModel

    /// Travel minutes may differ from a plan's whole minutes by this much (plans round travel up).
    public static let travelToleranceMinutes = 1e-6

    public init(scenario: Scenario, travel: any TravelModel) {
        self.scenario = scenario
        self.travel = travel
    }

    /// Uses the scenario's own travel model; a matrix file is resolved against the current directory.
    public init(scenario: Scenario) throws(TravelModelError) {
        self.init(scenario: scenario, travel: try scenario.travel.makeModel(relativeTo: nil))
    }

    /// Every violation of the plan, sorted, and its recomputed score. Pure: the same scenario and
    /// plan give the same report.
    public func check(_ plan: Plan) -> PlanCheckReport {
        let context = PlanCheckContext(scenario: scenario, plan: plan, travel: travel)
        return PlanCheckReport(
            violations: hardViolations(context), served: served(context), softTerms: softTerms(context))
    }

    /// The hard-rule violations of `check`, sorted the same way, without the score: what a
    /// booking's re-check needs, at a fraction of the cost (no objective terms).
    public func violations(_ plan: Plan) -> [PlanViolation] {
        hardViolations(PlanCheckContext(scenario: scenario, plan: plan, travel: travel))
            .sorted(by: PlanViolation.isOrderedBefore)
    }

    private func hardViolations(_ context: PlanCheckContext) -> [PlanViolation] {
        let rules: [(PlanCheckContext) -> [PlanViolation]] = [
            specialtyMatch, specialistAvailable, specialistNoOverlap, specialistDailyMax,
            siteOpen, roomFree, nursePresent, equipmentAvailable,
            unitPresent, unitRouteFeasible,
            withinHorizon, patientNoOverlap, pinnedUnchanged, seriesSpacing, requestOnce, knownReference,
        ]
        return rules.flatMap { $0(context) }
    }
}

/// A booking that occupies resources (not cancelled) and whose request and site are known: the
/// unit of work of most rules. The site is the request's site, where the consultation happens.
struct CheckedBooking {
    let booking: Booking
    let request: ConsultationRequest
    let site: Site

    var id: Booking.ID { booking.id }
    var siteInterval: UTCInterval { booking.interval }

    /// `review` for `async`, `[start, end)` for `live`; nil for an `async` booking without review
    /// (reported by `withinHorizon`) and whenever no specialist is named (`crew` work, or a
    /// booking `specialtyMatch` reports).
    var specialistInterval: UTCInterval? {
        guard booking.specialistId != nil else { return nil }
        switch request.mode {
        case .live: return booking.interval
        case .async: return booking.review
        case .crew: return nil
        }
    }
}

/// Everything one `check` derives from the scenario and the plan: lookups by id and calendars.
/// Lives for one call only, so its caches need no locking.
final class PlanCheckContext {
    let scenario: Scenario
    let plan: Plan
    let travel: any TravelModel
    let clock = WallClock.paris
    let requests: [ConsultationRequest.ID: ConsultationRequest]
    let sites: [Site.ID: Site]
    let specialists: [Specialist.ID: Specialist]
    let units: [MobileUnit.ID: MobileUnit]
    /// Not cancelled, known request and site, in plan order.
    let placed: [CheckedBooking]
    /// Public holidays of the horizon when the scenario observes them.
    let holidays: Set<LocalDate>
    var instantCache: [Int: Date] = [:]
    var routesCache: [CheckedRoute]?
    var siteOpenCache: [Site.ID: [UTCInterval]] = [:]
    var nurseCache: [Site.ID: [UTCInterval]] = [:]
    var specialistCache: [Specialist.ID: [UTCInterval]] = [:]

    init(scenario: Scenario, plan: Plan, travel: any TravelModel) {
        self.scenario = scenario
        self.plan = plan
        self.travel = travel
        requests = Dictionary(scenario.requests.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        sites = Dictionary(scenario.sites.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        specialists = Dictionary(scenario.specialists.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        units = Dictionary(scenario.units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        placed = plan.bookings.compactMap { [requests, sites] booking in
            guard booking.status.occupiesResources, let request = requests[booking.requestId],
                let site = sites[request.siteId]
            else { return nil }
            return CheckedBooking(booking: booking, request: request, site: site)
        }
        let horizon = scenario.horizon
        holidays =
            scenario.holidays.observeFrenchPublicHolidays
            ? Set(
                FrenchPublicHolidays.holidays(
                    from: horizon.start, through: horizon.end, alsaceMoselle: scenario.holidays.alsaceMoselle
                ).map(\.date))
            : []
    }

    /// `WallClock.paris.instant(on:at:)`, remembered: the same few times recur on every date.
    func instant(on date: LocalDate, at time: LocalTime) -> Date {
        let key = date.daysSinceEpoch * 1441 + time.minutesSinceMidnight
        if let cached = instantCache[key] { return cached }
        let value = clock.instant(on: date, at: time)
        instantCache[key] = value
        return value
    }

    /// `2027-05-11 10:00` (Paris).
    func local(_ instant: Date) -> String {
        "\(clock.localDate(of: instant)) \(clock.localTime(of: instant))"
    }

    /// `2027-05-11 10:00–10:30` (Paris), both dates written when they differ.
    func local(_ interval: UTCInterval) -> String {
        let (startDate, endDate) = (clock.localDate(of: interval.start), clock.localDate(of: interval.end))
        let end = startDate == endDate ? "\(clock.localTime(of: interval.end))" : local(interval.end)
        return "\(local(interval.start))–\(end)"
    }

    func localDate(of instant: Date) -> LocalDate { clock.localDate(of: instant) }
}
