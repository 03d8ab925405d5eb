/// One way to place a request, with its soft cost (lateness, continuity, added travel, and a
/// tiny preference for earlier starts that makes choices deterministic among equals).
struct InsertionOption: Sendable {
    var placement: Placement
    var cost: Double
    /// The resource the option competes for: a specialist at the site, or a unit day. Regret
    /// compares the best option with the best one on a *different* resource.
    var hostKey: Int
    /// Other bookings of the unit day that move (request → new start) when this option is taken.
    var retimed: [Int: Int] = [:]

    /// Site-hosted options always have a specialist (`crew` work is unit-hosted only).
    static func hostKey(specialist: Int?, unit: Int?, day: Int) -> Int {
        if let unit { 1_000_000 + unit * 10_000 + day } else { specialist ?? -1 }
    }
}

/// The best few options of a request on distinct resources, cheapest first.
struct OptionShortlist {
    let capacity: Int
    private(set) var options: [InsertionOption] = []

    init(capacity: Int) { self.capacity = capacity }

    /// The cost an option must beat to enter the list.
    var threshold: Double { options.count < capacity ? .infinity : options[options.count - 1].cost }

    mutating func offer(_ option: InsertionOption) {
        if let same = options.firstIndex(where: { $0.hostKey == option.hostKey }) {
            guard option.cost < options[same].cost else { return }
            options.remove(at: same)
        }
        guard option.cost < threshold || options.count < capacity else { return }
        let index = options.firstIndex { option.cost < $0.cost } ?? options.count
        options.insert(option, at: index)
        if options.count > capacity { options.removeLast() }
    }
}
