import Foundation

/// xoshiro256** seeded through SplitMix64: fast, well distributed, and identical on every
/// platform, so the same seed gives the same scenario (and later the same plan) byte for byte.
/// `SystemRandomNumberGenerator` is never used where output must be reproducible.
public struct SeededRandomNumberGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var splitMix = seed
        func next() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (next(), next(), next(), next())
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, by: 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, by: 45)
        return result
    }

    private func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    /// A uniform double in `[0, 1)` from the top 53 bits.
    public mutating func nextUnit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// True with probability `p`.
    public mutating func chance(_ p: Double) -> Bool { nextUnit() < p }

    /// An index drawn with probability proportional to `weights` (all ≥ 0, not all 0).
    public mutating func weightedIndex(_ cumulativeWeights: [Double]) -> Int {
        let target = nextUnit() * cumulativeWeights.last!
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let mid = (low + high) / 2
            if cumulativeWeights[mid] > target { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// A Poisson draw (Knuth), for the small means of per-site demand.
    public mutating func poisson(mean: Double) -> Int {
        let limit = (-mean).exp
        var product = nextUnit()
        var count = 0
        while product > limit {
            product *= nextUnit()
            count += 1
        }
        return count
    }

    /// An integer in `0..<bound`. Written here rather than taken from the standard library so that
    /// generated files do not change when the library's sampling changes.
    public mutating func int(below bound: Int) -> Int { min(bound - 1, Int(nextUnit() * Double(bound))) }

    /// Fisher–Yates on this generator, for the same reason as ``int(below:)``.
    public mutating func shuffled<T>(_ elements: [T]) -> [T] {
        var result = elements
        for index in stride(from: result.count - 1, to: 0, by: -1) {
            result.swapAt(index, int(below: index + 1))
        }
        return result
    }

    /// A random element by weight, `choices` given as (element, weight).
    public mutating func pick<T>(_ choices: [(T, Double)]) -> T {
        var cumulative: [Double] = []
        var total = 0.0
        for (_, weight) in choices {
            total += weight
            cumulative.append(total)
        }
        return choices[weightedIndex(cumulative)].0
    }
}

extension Double {
    fileprivate var exp: Double { Foundation.exp(self) }
}
