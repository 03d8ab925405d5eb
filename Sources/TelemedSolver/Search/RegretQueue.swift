/// Pending requests ordered as regret insertion takes them: largest regret first, then the
/// cheapest best option, then the lowest request index (so the order never depends on how the
/// queue was filled). A binary heap with lazy deletion: a request whose options change is pushed
/// again with a new version, and entries of an older version are skipped when they surface.
struct RegretQueue {
    struct Entry {
        var regret: Double
        var cost: Double
        var request: Int
        var version: Int

        /// Whether `self` is taken before `other`.
        func precedes(_ other: Entry) -> Bool {
            if regret != other.regret { return regret > other.regret }
            if cost != other.cost { return cost < other.cost }
            return request < other.request
        }
    }

    private var heap: [Entry] = []

    var isEmpty: Bool { heap.isEmpty }

    mutating func push(_ entry: Entry) {
        heap.append(entry)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popFirst() -> Entry? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let first = heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { break }
            var chosen = left
            if left + 1 < heap.count, heap[left + 1].precedes(heap[left]) { chosen = left + 1 }
            guard heap[chosen].precedes(heap[parent]) else { break }
            heap.swapAt(chosen, parent)
            parent = chosen
        }
        return first
    }
}
