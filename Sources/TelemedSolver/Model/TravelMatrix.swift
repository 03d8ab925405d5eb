import TelemedCore

/// Travel between every pair of places (unit depots, then sites), computed once from the
/// scenario's travel model. `ticks` rounds up to whole ticks (minutes, unless the scenario is
/// finer) so a planned schedule stays feasible against the real-valued model the checker uses;
/// `exactMinutes` (for the objective) and kilometres stay real-valued.
struct TravelMatrix: Sendable {
    let count: Int
    let ticks: [Int]
    let exactMinutes: [Double]
    let kilometres: [Double]

    /// Place index of a site.
    let siteOffset: Int

    init(scenario: Scenario, model: any TravelModel) throws(SolverError) {
        let points =
            scenario.units.map { TravelPoint(id: "depot:\($0.id.rawValue)", location: $0.depot.location) }
            + scenario.sites.map { TravelPoint(id: $0.id.rawValue, location: $0.location) }
        count = points.count
        siteOffset = scenario.units.count
        let ticksPerMinute = Double(scenario.timeResolution)
        var ticks = [Int](repeating: 0, count: count * count)
        var exact = [Double](repeating: 0, count: count * count)
        var kilometres = [Double](repeating: 0, count: count * count)
        for from in 0..<count {
            for to in 0..<count where from != to {
                let leg: TravelLeg
                do {
                    leg = try model.leg(from: points[from], to: points[to])
                } catch {
                    throw .travel(error)
                }
                exact[from * count + to] = leg.minutes
                ticks[from * count + to] = Int((leg.minutes * ticksPerMinute - 1e-9).rounded(.up))
                kilometres[from * count + to] = leg.kilometres
            }
        }
        self.ticks = ticks
        self.exactMinutes = exact
        self.kilometres = kilometres
    }

    func depot(_ unit: Int) -> Int { unit }
    func site(_ site: Int) -> Int { siteOffset + site }

    @inline(__always) func ticks(_ from: Int, _ to: Int) -> Int { ticks[from * count + to] }
    @inline(__always) func exactMinutes(_ from: Int, _ to: Int) -> Double { exactMinutes[from * count + to] }
    @inline(__always) func kilometres(_ from: Int, _ to: Int) -> Double { kilometres[from * count + to] }
}
