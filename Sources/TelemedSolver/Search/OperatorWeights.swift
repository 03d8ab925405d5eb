import TelemedCore

/// Adaptive operator selection (Ropke & Pisinger): operators that find new bests, improvements or
/// accepted moves gain weight; weights are blended every segment so the search follows what works
/// on this scenario.
struct OperatorWeights {
    static let newBest = 33.0
    static let improved = 9.0
    static let accepted = 13.0
    static let reaction = 0.2

    private(set) var weights: [Double]
    private var scores: [Double]
    private var uses: [Int]

    init(count: Int) {
        weights = Array(repeating: 1, count: count)
        scores = Array(repeating: 0, count: count)
        uses = Array(repeating: 0, count: count)
    }

    func pick(_ rng: inout SeededRandomNumberGenerator) -> Int {
        var cumulative: [Double] = []
        var total = 0.0
        for weight in weights {
            total += weight
            cumulative.append(total)
        }
        return rng.weightedIndex(cumulative)
    }

    mutating func record(_ index: Int, score: Double) {
        uses[index] += 1
        scores[index] += score
    }

    /// Blends the segment's average scores into the weights and starts a new segment.
    mutating func endSegment() {
        for index in weights.indices where uses[index] > 0 {
            weights[index] = max(
                0.05, weights[index] * (1 - Self.reaction) + Self.reaction * scores[index] / Double(uses[index]))
        }
        scores = Array(repeating: 0, count: weights.count)
        uses = Array(repeating: 0, count: weights.count)
    }
}
