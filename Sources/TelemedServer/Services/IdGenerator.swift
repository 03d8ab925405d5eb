import Synchronization
import TelemedCore

/// Where the server's fresh ids come from (`R-`, `P-`, `plan-`): 48 random bits, enough that two
/// never meet in one region's lifetime, short enough to read over the phone. `telemed simulate`
/// draws them from a seeded stream instead, so the same seed gives the same ids, hence the same
/// order of equal-time bookings and the same figures.
final class IdGenerator: Sendable {
    /// Nil: the system's random source.
    private let seeded: Mutex<SeededRandomNumberGenerator?>

    /// Ids from the system's random source (production).
    static let random = IdGenerator()

    private init() {
        seeded = Mutex(nil)
    }

    /// Ids from a stream seeded with `seed`.
    init(seed: UInt64) {
        seeded = Mutex(SeededRandomNumberGenerator(seed: seed))
    }

    func next(_ prefix: String) -> String {
        let bits = seeded.withLock { stream -> UInt64 in
            guard stream != nil else {
                var generator = SystemRandomNumberGenerator()
                return UInt64.random(in: 0..<(1 << 48), using: &generator)
            }
            return stream!.next() & ((1 << 48) - 1)
        }
        return prefix + String(bits, radix: 16, uppercase: true)
    }
}
