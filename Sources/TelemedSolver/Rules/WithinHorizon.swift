import TelemedCore

/// `withinHorizon`: a booking starts no earlier than the request's first possible date and the
/// horizon start, every interval ends by the horizon's end (the site interval by the end of the
/// request's latest date, when it has one), and an `async` review follows its
/// capture within the review delay. Enforced by the bounds every search starts from: the
/// request's compiled `earliestStart`, ``SchedulingProblem/endTick`` and ``reviewWindow(captureEnd:in:)``.
/// Durations hold by construction (every placement is `duration` long).
enum WithinHorizon: SolverRule {
    static let name = ConstraintName.withinHorizon

    /// Local midnight of the first possible date (the later of release and earliest date), or
    /// the horizon start when that date is not after it.
    static func earliestStart(firstPossible date: LocalDate, horizon: Horizon, timeline: Timeline) -> Int {
        date <= horizon.start ? 0 : timeline.dayRange(date).start
    }

    /// Local midnight after the request's latest date (a campaign's last day), or the horizon's
    /// end when it has none or it is not before the horizon's last day.
    static func latestEnd(lastPossible date: LocalDate?, horizon: Horizon, timeline: Timeline) -> Int {
        guard let date, date < horizon.end else { return timeline.endTick }
        return date < horizon.start ? 0 : timeline.dayRange(date).end
    }

    /// Where a request's site interval may lie: from its earliest start to its latest end.
    @inline(__always)
    static func window(of request: SchedulingProblem.Request, in problem: SchedulingProblem) -> TickInterval {
        TickInterval(start: request.earliestStart, end: max(request.earliestStart, request.latestEnd))
    }

    /// The horizon days a request's site interval may fall on (none when its window is empty).
    static func days(of request: SchedulingProblem.Request, in problem: SchedulingProblem) -> Range<Int> {
        let window = window(of: request, in: problem)
        guard window.end > window.start else { return 0..<0 }
        return problem.dayIndex(ofTick: window.start)..<(problem.dayIndex(ofTick: window.end - 1) + 1)
    }

    /// Where the review of a capture ending at `captureEnd` may lie: after the capture, within
    /// the review delay (``SchedulingProblem/reviewSpan``, both readings of a day) and the horizon.
    @inline(__always)
    static func reviewWindow(captureEnd: Int, in problem: SchedulingProblem) -> TickInterval {
        let span = problem.reviewSpan[problem.dayIndex(ofTick: max(0, captureEnd - 1))]
        return TickInterval(start: captureEnd, end: min(problem.endTick, captureEnd + span))
    }
}
