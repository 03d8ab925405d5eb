import TelemedCore

/// Bit masks over an open vocabulary (equipment, specialties), so "required ⊆ provided" is one
/// AND. The scenario decides the vocabulary; more than 64 kinds is refused at compile time.
struct VocabularyMask<Word: Hashable & Sendable>: Sendable {
    private(set) var bits: [Word: Int] = [:]

    mutating func mask(_ words: some Sequence<Word>) throws(SolverError) -> UInt64 {
        var result: UInt64 = 0
        for word in words {
            let bit: Int
            if let known = bits[word] {
                bit = known
            } else {
                guard bits.count < 64 else { throw .tooManyKinds("\(Word.self)") }
                bit = bits.count
                bits[word] = bit
            }
            result |= 1 << UInt64(bit)
        }
        return result
    }
}
