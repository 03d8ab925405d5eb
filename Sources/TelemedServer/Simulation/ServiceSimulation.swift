import Foundation
import Logging
import TelemedCore
import TelemedSolver
import TelemedStore

/// Days of a programme run through the service's own code, in process, on a clock that jumps
/// instead of sleeping (`telemed simulate`): the proposal offer and booking the API and the staff
/// page call, the store's cancellation, the reschedule offer, and the nightly roll.
///
/// Each simulated day, from 08:00 to 17:00 local time, staff ask for the day's requests (the
/// region's rate and mix, ``SimulatedDemand``) and confirm one of the proposals for most of them,
/// putting half of the others on the waiting list; at 08:00 they answer the slots held for their
/// waiting requests (most booked, a few declined, the rest left to lapse); at 17:00 a few confirmed sessions are cancelled or moved, and the outcome of the day's sessions
/// is recorded (most done, a few residents absent, a few sessions not held, with their reasons);
/// at 02:00 the window rolls. Every
/// seventh day the plan checker runs over the window and `db check` over the file. The same
/// database, seed and day count give the same figures (latencies aside).
///
/// ```swift
/// let time = ManualTime(start)
/// let database = try TelemedDatabase.openFile(at: path, clock: .manual(time))
/// let simulation = try ServiceSimulation(database: database, time: time, seed: 1, template: demo, path: path)
/// let summary = try await simulation.run(days: 30) { print($0) }
/// ```
public final class ServiceSimulation {
    /// Share of requests whose staff confirm a proposal at once.
    static let confirmShare = 0.92
    /// Per booking made, the chance a confirmed session is cancelled, or moved, on the same day.
    static let cancelShare = 0.04
    static let rescheduleShare = 0.03
    /// Of the day's confirmed sessions, the share whose resident did not come, and that were not
    /// held (the specialist, the unit, the link or a device failed); the rest took place.
    static let noShowShare = 0.06
    static let notHeldShare = 0.03
    /// Of the requests not booked at once, the share put on the waiting list.
    static let waitlistShare = 0.5
    /// Of the slots held for waiting requests, the share the staff book, and decline.
    static let offerBookShare = 0.8
    static let offerDeclineShare = 0.1
    static let dayStart = LocalTime(hour: 8, minute: 0)!
    static let dayEnd = LocalTime(hour: 17, minute: 0)!

    private let database: TelemedDatabase
    private let time: ManualTime
    private let services: ServerServices
    private let demand: SimulatedDemand
    private let seed: UInt64
    private let path: String?
    private let logger: Logger
    private var random: SeededRandomNumberGenerator
    /// Sessions the simulated staff confirmed that have not started yet, with their start.
    private var upcoming: [Booking.ID: Date] = [:]

    /// `database` must run on `.manual(time)`; `template` gives the demand's rate and mix, times
    /// `demandScale`; `path`, when the database is a file, is measured every day.
    public init(
        database: TelemedDatabase, time: ManualTime, seed: UInt64, template: Scenario, demandScale: Double = 1,
        path: String?
    ) throws {
        self.database = database
        self.time = time
        self.seed = seed
        self.path = path
        demand = SimulatedDemand(template: template, scale: demandScale)
        random = SeededRandomNumberGenerator(seed: seed)
        var logger = Logger(label: "telemed.simulate")
        logger.logLevel = .warning
        self.logger = logger
        services = ServerServices(
            configuration: ServerConfiguration(planSeed: seed), database: database, logger: logger,
            ids: IdGenerator(seed: seed &+ 0x5EED))
    }

    /// Simulates `days` days from the database's today, calling `onDay` after each.
    public func run(days: Int, onDay: (SimulatedDay) -> Void = { _ in }) async throws -> SimulationSummary {
        var results: [(day: SimulatedDay, proposals: LatencySample, confirms: LatencySample)] = []
        for index in 1...max(1, days) {
            let result = try await simulateDay(index)
            results.append(result)
            onDay(result.day)
        }
        return Self.summary(results)
    }

    private func simulateDay(_ index: Int) async throws -> (
        day: SimulatedDay, proposals: LatencySample, confirms: LatencySample
    ) {
        let paris = WallClock.paris
        let date = try database.planningWindow().today
        let opening = paris.instant(on: date, at: Self.dayStart)
        let closing = paris.instant(on: date, at: Self.dayEnd)
        move(to: opening)
        var proposals = LatencySample()
        var confirms = LatencySample()
        let offersBooked = try await answerOffers(confirms: &confirms)
        var (booked, notBooked, waitlisted) = (offersBooked, 0, 0)
        let bodies = demand.requests(on: date, using: &random)
        let step = closing.timeIntervalSince(opening) / Double(max(1, bodies.count))
        for (position, body) in bodies.enumerated() {
            move(to: opening.addingTimeInterval(step * Double(position)))
            switch try await request(body, proposals: &proposals, confirms: &confirms) {
            case .booked: booked += 1
            case .waitlisted: (notBooked, waitlisted) = (notBooked + 1, waitlisted + 1)
            case .dropped: notBooked += 1
            }
        }
        move(to: closing)
        let (cancelled, rescheduled) = try await cancelAndMove(after: booked, confirms: &confirms)
        booked += rescheduled
        let outcomes = try await recordOutcomes(on: date)

        move(to: paris.instant(on: date.adding(days: 1), at: NightlyRollTime.default))
        let started = ContinuousClock.now
        let rolls = try WindowRoller(database: database, seed: seed, actor: "roll").catchUp()
        let rollSeconds = (ContinuousClock.now - started).timeInterval
        try await services.waitlist.offer(trigger: "roll")
        let violations = index % 7 == 0 ? try checkWindow() : nil
        let day = SimulatedDay(
            day: index, date: date, requests: bodies.count, booked: booked, notBooked: notBooked,
            cancelled: cancelled, rescheduled: rescheduled, waitlisted: waitlisted, offersBooked: offersBooked,
            waiting: try database.waitlist().count, done: outcomes[.done, default: 0],
            noShow: outcomes[.noShow, default: 0], notHeld: outcomes[.notHeld, default: 0],
            overdue: rolls.last?.openOverdue ?? 0,
            placedByRoll: rolls.map(\.placed).reduce(0, +), violations: violations, dbBytes: fileBytes(),
            proposalP99Ms: proposals.percentile(99), confirmP99Ms: confirms.percentile(99),
            rollSeconds: (rollSeconds * 1000).rounded() / 1000)
        return (day, proposals, confirms)
    }

    private enum RequestResult { case booked, waitlisted, dropped }

    /// One request as staff make it: proposals, then most of the time one of them booked (the
    /// first usually, sometimes the second or third), else, for half of the others, the waiting
    /// list (offers must then come before the first proposal).
    private func request(
        _ body: ConsultationRequestBody, proposals: inout LatencySample, confirms: inout LatencySample
    ) async throws -> RequestResult {
        let asked = ContinuousClock.now
        let offer: ProposalOffer
        do {
            offer = try await services.offers.request(body, logger: logger)
        } catch let error as APIError {
            logger.warning("Simulated request refused", metadata: ["detail": "\(error.detail)"])
            return .dropped
        }
        proposals.add(ContinuousClock.now - asked)
        guard !offer.stored.isEmpty, random.chance(Self.confirmShare) else {
            guard random.chance(Self.waitlistShare) else { return .dropped }
            do {
                try database.joinWaitlist(
                    offer.response.requestId, wantsBefore: offer.stored.map(\.proposal.start).min(),
                    actor: "site:\(body.siteId)")
            } catch StoreError.servedByUnit {
                return .dropped  // the nightly plan places it on a unit's route
            }
            return .waitlisted
        }
        let choice = min(offer.stored.count - 1, random.pick([(0, 0.7), (1, 0.2), (2, 0.1)]))
        return try await book(offer.stored[choice], confirms: &confirms) ? .booked : .dropped
    }

    /// The staff's answers to the slots held for their waiting requests, at opening time: most
    /// booked, a few declined (the slot passes on at once), the rest left to lapse. Returns how
    /// many were booked.
    private func answerOffers(confirms: inout LatencySample) async throws -> Int {
        try await services.waitlist.refresh()
        var booked = 0
        for entry in try database.waitlist() {
            guard let offer = entry.offer, let stored = try database.proposal(id: offer.proposalId) else { continue }
            if random.chance(Self.offerBookShare) {
                if try await book(stored, confirms: &confirms) { booked += 1 }
            } else if random.chance(Self.offerDeclineShare / (1 - Self.offerBookShare)) {
                try database.declineOffer(for: entry.requestId, actor: "site:\(entry.siteId)")
                await services.waitlist.offerFreed(by: "decline", skipping: [entry.requestId])
            }
        }
        return booked
    }

    private func book(_ proposal: StoredProposal, confirms: inout LatencySample) async throws -> Bool {
        let started = ContinuousClock.now
        let (outcome, replaced) = try await services.booking.book(
            proposal, id: proposal.id, role: .site(proposal.proposal.siteId.rawValue))
        confirms.add(ContinuousClock.now - started)
        guard case .accepted(let booking) = outcome else { return false }
        if let replaced { upcoming[replaced] = nil }
        upcoming[booking.id] = booking.start
        return true
    }

    /// The day's cancellations and moves of sessions confirmed earlier that have not started.
    private func cancelAndMove(after booked: Int, confirms: inout LatencySample) async throws -> (Int, Int) {
        let now = time.instant
        upcoming = upcoming.filter { $0.value > now }
        var candidates = random.shuffled(upcoming.keys.sorted())
        let cancels = random.poisson(mean: Self.cancelShare * Double(booked))
        let moves = random.poisson(mean: Self.rescheduleShare * Double(booked))
        var (cancelled, rescheduled) = (0, 0)
        for _ in 0..<cancels {
            guard let id = candidates.popLast() else { break }
            guard let booking = try services.store.booking(id), booking.status == .confirmed else { continue }
            try services.store.cancel(id, expectedVersion: booking.version, actor: "site:\(booking.siteId)")
            services.metrics.recordBooking(.cancelled)
            await services.waitlist.offerFreed(by: "cancellation")
            upcoming[id] = nil
            cancelled += 1
        }
        for _ in 0..<moves {
            guard let id = candidates.popLast() else { break }
            guard let booking = try services.store.booking(id), booking.status == .confirmed else { continue }
            let offer = try await services.booking.rescheduleOffer(for: booking)
            guard let first = offer.stored.first else { continue }
            if try await book(first, confirms: &confirms) { rescheduled += 1 }
        }
        return (cancelled, rescheduled)
    }

    /// What became of the day's confirmed sessions, recorded by each site's staff at closing time.
    private func recordOutcomes(on date: LocalDate) async throws -> [SessionOutcome: Int] {
        let day = WallClock.paris.dayInterval(date)
        let now = time.instant
        var counts: [SessionOutcome: Int] = [:]
        for site in try await services.livePlan.scenario().sites {
            for booking in try services.store.bookings(atSite: site.id, startingIn: day)
            where booking.status == .confirmed && booking.start <= now {
                let outcome = random.pick([
                    (SessionOutcome.done, 1 - Self.noShowShare - Self.notHeldShare), (.noShow, Self.noShowShare),
                    (.notHeld, Self.notHeldShare),
                ])
                let reason: OutcomeReason? =
                    switch outcome {
                    case .done: nil
                    case .noShow: random.pick([(.residentUnavailable, 0.7), (.residentDeclined, 0.3)])
                    case .notHeld:
                        random.pick([
                            (.connectionFailure, 0.4), (.specialistUnavailable, 0.25), (.equipmentFailure, 0.15),
                            (booking.host.unitId == nil ? .siteUnavailable : .unitUnavailable, 0.2),
                        ])
                    }
                let recorded = try await services.outcomes.record(
                    booking, outcome, reason: reason, role: .site(site.id.rawValue), logger: logger)
                if recorded.value != nil { counts[outcome, default: 0] += 1 }
            }
        }
        return counts
    }

    /// The plan checker over the window's live bookings and stored routes, and `db check`.
    private func checkWindow() throws -> Int {
        let schedule = try database.schedule()
        let violations = WindowCheck.violations(
            scenario: schedule.scenario, routes: schedule.routes, travel: schedule.travel)
        for violation in violations {
            logger.error("Plan checker violation", metadata: ["violation": "\(violation.description)"])
        }
        let report = try database.check()
        for problem in report.problems {
            logger.error("db check problem", metadata: ["problem": "\(problem)"])
        }
        return violations.count + report.problems.count
    }

    private func move(to instant: Date) {
        if instant > time.instant { time.set(to: instant) }
    }

    private func fileBytes() -> Int64 {
        guard let path else { return 0 }
        return [path, path + "-wal"].reduce(0) { total, file in
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.int64Value
            return total + (size ?? 0)
        }
    }

    private static func summary(
        _ results: [(day: SimulatedDay, proposals: LatencySample, confirms: LatencySample)]
    ) -> SimulationSummary {
        func week(_ slice: ArraySlice<(day: SimulatedDay, proposals: LatencySample, confirms: LatencySample)>)
            -> SimulationSummary.Week
        {
            var proposals = LatencySample()
            var confirms = LatencySample()
            var rolls = LatencySample()
            for result in slice {
                proposals.add(result.proposals)
                confirms.add(result.confirms)
                rolls.add(.milliseconds(Int64((result.day.rollSeconds * 1000).rounded())))
            }
            return SimulationSummary.Week(
                days: slice.count, requests: slice.map(\.day.requests).reduce(0, +),
                booked: slice.map(\.day.booked).reduce(0, +), proposalP99Ms: proposals.percentile(99),
                confirmP99Ms: confirms.percentile(99), rollSecondsMedian: rolls.percentile(50) / 1000,
                rollSecondsMax: rolls.percentile(100) / 1000)
        }
        let days = results.map(\.day)
        return SimulationSummary(
            days: days.count, violations: days.compactMap(\.violations).reduce(0, +),
            requests: days.map(\.requests).reduce(0, +), booked: days.map(\.booked).reduce(0, +),
            cancelled: days.map(\.cancelled).reduce(0, +), rescheduled: days.map(\.rescheduled).reduce(0, +),
            dbBytes: days.last?.dbBytes ?? 0, firstWeek: week(results.prefix(7)), lastWeek: week(results.suffix(7)))
    }
}

/// When the service rolls the window unless told otherwise (`telemed serve --roll-at`).
public enum NightlyRollTime {
    public static let `default` = LocalTime(hour: 2, minute: 0)!
}
