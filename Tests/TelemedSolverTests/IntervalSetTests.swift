import TelemedCore
import TelemedSolver
import Testing

@Suite("IntervalSet keeps sorted, disjoint, merged pieces")
struct IntervalSetTests {
    typealias I = TickInterval

    let morningAndAfternoon: IntervalSet = [I(540, 720), I(840, 1020)]

    @Test("unsorted, overlapping, touching and empty intervals become one normal form")
    func normalisation() {
        let set = IntervalSet([I(840, 900), I(540, 600), I(600, 660), I(580, 620), I(700, 700), I(880, 1020)])
        #expect(set.pieces == [I(540, 660), I(840, 1020)])
        #expect(set.totalTicks == 120 + 180)
        #expect(IntervalSet([I(10, 5)]).isEmpty)
        #expect(set == IntervalSet(set.pieces.reversed()))
    }

    @Test("union merges pieces that overlap or touch across the two sets")
    func union() {
        let other: IntervalSet = [I(500, 540), I(700, 850), I(1100, 1200)]
        #expect(morningAndAfternoon.union(other).pieces == [I(500, 1020), I(1100, 1200)])
        #expect(morningAndAfternoon.union(.empty) == morningAndAfternoon)
    }

    @Test("intersection keeps only the shared minutes")
    func intersection() {
        let other: IntervalSet = [I(600, 900), I(1000, 1100)]
        #expect(morningAndAfternoon.intersection(other).pieces == [I(600, 720), I(840, 900), I(1000, 1020)])
        #expect(morningAndAfternoon.intersection([I(720, 840)]).isEmpty)
    }

    @Test("subtraction cuts holes, trims ends and removes whole pieces")
    func subtraction() {
        #expect(morningAndAfternoon.subtracting([I(600, 630)]).pieces == [I(540, 600), I(630, 720), I(840, 1020)])
        #expect(morningAndAfternoon.subtracting([I(500, 560), I(1000, 2000)]).pieces == [I(560, 720), I(840, 1000)])
        #expect(morningAndAfternoon.subtracting([I(700, 900)]).pieces == [I(540, 700), I(900, 1020)])
        #expect(morningAndAfternoon.subtracting([I(0, 2000)]).isEmpty)
        #expect(morningAndAfternoon.subtracting([I(720, 840)]) == morningAndAfternoon)
    }

    @Test("contains needs the whole interval inside one piece")
    func containsInterval() {
        #expect(morningAndAfternoon.contains(I(540, 720)))
        #expect(morningAndAfternoon.contains(I(690, 720)))
        #expect(!morningAndAfternoon.contains(I(690, 721)))
        #expect(!morningAndAfternoon.contains(I(700, 860)))
        #expect(!morningAndAfternoon.contains(I(720, 750)))
        #expect(!morningAndAfternoon.contains(I(500, 550)))
        #expect(!morningAndAfternoon.contains(I(1020, 1030)))
        #expect(!morningAndAfternoon.contains(I(600, 600)))
        #expect(!IntervalSet.empty.contains(I(0, 1)))
        // Two touching windows are one stretch, so a consultation may straddle them.
        #expect(IntervalSet([I(0, 60), I(60, 120)]).contains(I(30, 90)))
        #expect(morningAndAfternoon.contains(tick: 719) && !morningAndAfternoon.contains(tick: 720))
        #expect(morningAndAfternoon.piece(containing: 900) == I(840, 1020))
    }

    @Test("firstFit finds the earliest start that fits, skipping pieces that are too short")
    func firstFit() {
        #expect(morningAndAfternoon.firstFit(duration: 60) == 540)
        #expect(morningAndAfternoon.firstFit(duration: 60, notBefore: 600) == 600)
        #expect(morningAndAfternoon.firstFit(duration: 60, notBefore: 660) == 660)
        #expect(morningAndAfternoon.firstFit(duration: 60, notBefore: 661) == 840)
        #expect(morningAndAfternoon.firstFit(duration: 181) == nil)
        #expect(morningAndAfternoon.firstFit(duration: 180) == 540)
        #expect(morningAndAfternoon.firstFit(duration: 150, notBefore: 600) == 840)
        #expect(morningAndAfternoon.firstFit(duration: 60, notBefore: 661, notAfterEnd: 900) == 840)
        #expect(morningAndAfternoon.firstFit(duration: 60, notBefore: 661, notAfterEnd: 899) == nil)
        #expect(morningAndAfternoon.firstFit(duration: 60, notBefore: 1000) == nil)
        #expect(morningAndAfternoon.firstFit(duration: 0) == nil)
        #expect(IntervalSet.empty.firstFit(duration: 1) == nil)
    }

    @Test("every operation agrees with a minute-by-minute model on random sets")
    func agreesWithBruteForce() {
        var random = SeededRandomNumberGenerator(seed: 7)
        func randomSet() -> IntervalSet {
            IntervalSet(
                (0..<random.int(below: 6)).map { _ in
                    let start = random.int(below: 100)
                    return I(start, start + random.int(below: 25))
                })
        }
        func minutes(_ set: IntervalSet) -> Set<Int> { Set(set.pieces.flatMap { $0.start..<$0.end }) }
        for _ in 0..<500 {
            let a = randomSet()
            let b = randomSet()
            let (ma, mb) = (minutes(a), minutes(b))
            #expect(minutes(a.union(b)) == ma.union(mb))
            #expect(minutes(a.intersection(b)) == ma.intersection(mb))
            #expect(minutes(a.subtracting(b)) == ma.subtracting(mb))
            for set in [a.union(b), a.intersection(b), a.subtracting(b)] {
                #expect(set == IntervalSet(set.pieces), "not in normal form: \(set)")
            }
            let duration = 1 + random.int(below: 15)
            let notBefore = random.int(below: 110)
            let limit = notBefore + random.int(below: 60)
            let expected = (notBefore...max(notBefore, limit - duration)).first { start in
                start + duration <= limit && (start..<start + duration).allSatisfy(ma.contains)
            }
            #expect(a.firstFit(duration: duration, notBefore: notBefore, notAfterEnd: limit) == expected, "\(a)")
            let probe = I(notBefore, notBefore + duration)
            #expect(a.contains(probe) == (probe.start..<probe.end).allSatisfy(ma.contains))
        }
    }
}
