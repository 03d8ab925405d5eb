import Dispatch
import Synchronization
import TelemedCore

/// Several searches side by side, in rounds: each round starts every search from the best plan
/// the last round found (ties go to the lowest thread) with seeds of its own, and anneals afresh
/// from there. Independent searches only pick the best at the end, so one thread's luck never
/// helps the other; here a search that stalls restarts from the other's better plan a few times
/// per run. One thread keeps one round: a single annealing over the whole run. The same seed
/// and iteration limit give the same plan, whatever the time each round takes.
struct SearchRounds {
    /// Tried 1 (independent searches), 3 and 5 on the demo region at 10 s with two threads, six
    /// seeds each: 1,280.7, 1,281.7 and 1,282.0 served on average (BENCHMARKS.md).
    static let count = 5

    let search: LargeNeighbourhoodSearch
    let objective: Objective

    func improve(
        _ initial: SolutionState, options: SolverOptions, started: ContinuousClock.Instant,
        progress: (@Sendable (SolverProgress) -> Void)?
    ) -> LargeNeighbourhoodSearch.Outcome {
        let clock = ContinuousClock()
        let threads = options.threads
        let rounds = threads > 1 ? Self.count : 1
        var best = initial
        var iterations = 0
        // Thread 0's iterations before this round, so its progress counts on across rounds.
        var reported = 0
        for round in 0..<rounds {
            let roundStarted = clock.now
            var roundOptions = options
            if let limit = options.iterations {
                roundOptions.iterations = limit / rounds + (round < limit % rounds ? 1 : 0)
            } else if let limit = options.timeLimit {
                roundOptions.timeLimit = (limit - (roundStarted - started)) / (rounds - round)
            }
            let report = progress.map {
                Self.shifted($0, elapsed: roundStarted - started, iterations: reported)
            }
            let from = best
            let fixedOptions = roundOptions
            let outcomes = Mutex<[Int: LargeNeighbourhoodSearch.Outcome]>([:])
            DispatchQueue.concurrentPerform(iterations: threads) { thread in
                var threadOptions = fixedOptions
                threadOptions.seed = options.seed &+ UInt64(thread + round * threads)
                // Only the first search reports progress, so lines do not interleave.
                let outcome = search.improve(
                    from, options: threadOptions, started: roundStarted, progress: thread == 0 ? report : nil)
                outcomes.withLock { $0[thread] = outcome }
            }
            let results = outcomes.withLock { $0 }
            let winner = (0..<threads).min {
                (objective.score(results[$0]!.best), $0) < (objective.score(results[$1]!.best), $1)
            }!
            best = results[winner]!.best
            iterations += results.values.reduce(0) { $0 + $1.iterations }
            reported += results[0]!.iterations
        }
        // Iterations over every round and thread.
        return LargeNeighbourhoodSearch.Outcome(best: best, iterations: iterations)
    }

    /// A round's progress as the whole run's: its time and iterations after the earlier rounds'.
    private static func shifted(
        _ report: @escaping @Sendable (SolverProgress) -> Void, elapsed: Duration, iterations: Int
    ) -> @Sendable (SolverProgress) -> Void {
        { step in
            report(
                SolverProgress(
                    elapsed: step.elapsed + elapsed, iterations: step.iterations + iterations, best: step.best))
        }
    }
}
