import Foundation

/// A Solomon instance expressed in the product's own terms, so the scheduler and the plan checker
/// that serve care teams are the ones measured: customers become sites with one opening
/// `[ready, due + service]` and one `crew` request each (duration = service time, load = demand),
/// vehicles become identical units with the vehicle capacity and one shift from the depot's
/// ready time to its due date, and travel is the Euclidean distance (``PlaneTravelModel``).
///
/// One Solomon time unit is `minutesPerUnit` minutes (0.4 by default: C2's horizon of 3,390 becomes
/// 1,356 minutes and fits in one day; service times 90 and 10 become 36 and 4 whole minutes). The
/// scenario counts thousandths of a minute (`ticksPerMinute` 1,000), and travel is rounded up to
/// a tick, so a plan the solver finds stays feasible with real-valued distances. A depot due date
/// that is not a whole minute is rounded down to one (C1's 1,236 → 494 minutes), the safe side.
///
/// Coordinates are also written as positions near Dijon (1 unit = 0.001°) so maps of the plan
/// look like something, but travel never uses them.
///
/// ```swift
/// let imported = try SolomonScenario(instance: SolomonInstance(contentsOf: url))
/// let result = try Solver(scenario: imported.scenario, travelModel: imported.travel).solve(options)
/// ```
public struct SolomonScenario: Sendable {
    public let instance: SolomonInstance
    public let scenario: Scenario
    public let travel: PlaneTravelModel

    /// The one day every imported instance is planned on (a Monday with no holiday or clock change).
    public static let day = LocalDate(year: 2027, month: 1, day: 4)!

    public init(instance: SolomonInstance, minutesPerUnit: Double = 0.4) throws(SolomonFormatError) {
        self.instance = instance
        let clock = WallClock.paris
        let midnight = clock.instant(on: Self.day, at: .midnight)
        func instant(_ time: Int) -> Date { midnight.addingTimeInterval(Double(time) * minutesPerUnit * 60) }

        let closing = Double(instance.depot.dueDate) * minutesPerUnit
        guard instance.depot.readyTime == 0, closing >= 1, closing < 1440,
            let shiftEnd = LocalTime(minutesSinceMidnight: Int((closing + 1e-9).rounded(.down)))
        else {
            throw .notImportable(
                "the depot must open at time 0 and close within one day at \(minutesPerUnit) min per unit"
                    + " (ready time \(instance.depot.readyTime), due date \(instance.depot.dueDate))")
        }
        var coordinates: [String: PlaneTravelModel.Coordinates] = [:]
        var sites: [Site] = []
        var requests: [ConsultationRequest] = []
        for customer in instance.customers {
            let minutes = Double(customer.serviceTime) * minutesPerUnit
            guard minutes >= 1, abs(minutes - minutes.rounded()) < 1e-9 else {
                throw .notImportable(
                    "service time of customer \(customer.id) is \(customer.serviceTime) units, \(minutes) min at"
                        + " \(minutesPerUnit) min per unit: it must be a positive whole number of minutes")
            }
            let id = Site.ID(String(format: "C%03d", customer.id))
            coordinates[id.rawValue] = PlaneTravelModel.Coordinates(x: customer.x, y: customer.y)
            sites.append(
                Site(
                    id: id, kind: .townPoint, name: "Customer \(customer.id)", inseeCode: Self.inseeCode,
                    commune: instance.name, address: "", location: Self.location(customer), openingHours: [],
                    nurseHours: [],
                    openings: [
                        UTCInterval(
                            start: instant(customer.readyTime), end: instant(customer.dueDate + customer.serviceTime))
                    ]))
            requests.append(
                ConsultationRequest(
                    id: ConsultationRequest.ID(id.rawValue), siteId: id, patientRef: "solomon-\(customer.id)",
                    specialty: .screening, mode: .crew, requiredEquipment: [],
                    durationMinutes: Int(minutes.rounded()), urgency: .routine, releaseDate: Self.day,
                    load: customer.demand))
        }
        let depot = Depot(name: "Depot", inseeCode: Self.inseeCode, location: Self.location(instance.depot))
        let units = (1...instance.vehicleCount).map { number in
            MobileUnit(
                id: MobileUnit.ID(String(format: "V%02d", number)), name: "Vehicle \(number)", crew: .nurse,
                depot: depot, equipment: [], operatingDays: Weekday.allCases,
                shift: TimeOfDayWindow(start: .midnight, end: shiftEnd), lunchBreak: nil, setupMinutes: 0,
                maxDrivingMinutesPerDay: 1440, capacityPerDay: instance.vehicleCapacity)
        }
        for unit in units {
            coordinates["depot:\(unit.id.rawValue)"] = PlaneTravelModel.Coordinates(
                x: instance.depot.x, y: instance.depot.y)
        }
        scenario = Scenario(
            name: "Solomon \(instance.name)",
            provenance: "Solomon (1987) VRPTW instance \(instance.name), imported by telemed bench vrptw",
            horizon: Horizon(start: Self.day, end: Self.day),
            holidays: HolidayPolicy(observeFrenchPublicHolidays: false),
            weights: Self.weights, sites: sites, specialists: [], units: units, requests: requests,
            ticksPerMinute: 1000)
        travel = PlaneTravelModel(coordinates: coordinates, minutesPerUnit: minutesPerUnit)
    }

    /// Every customer served first, then distance alone (travel minutes are distance × a constant).
    static let weights = ObjectiveWeights(
        served: UrgencyTable(urgent: 1, soon: 1, routine: 1),
        latenessPerDay: UrgencyTable(urgent: 0, soon: 0, routine: 0),
        travelMinute: 1, continuityBroken: 0, specialistOvertimeMinute: 0, territorialFairness: 0)

    /// Dijon: a valid commune code for sites that are points of an abstract plane.
    static let inseeCode = "21231"

    static func location(_ customer: SolomonInstance.Customer) -> GeoPoint {
        GeoPoint(latitude: 47.3 + customer.y * 0.001, longitude: 5.0 + customer.x * 0.001)
    }

    /// Customer ids in visiting order, per vehicle that goes out, read back from a plan's visits.
    public func routes(of plan: Plan) -> [[Int]] {
        let byUnit = Dictionary(grouping: plan.visits, by: \.unitId)
        return byUnit.keys.sorted().map { unit in
            byUnit[unit]!.sorted { $0.order < $1.order }.compactMap { Int($0.siteId.rawValue.dropFirst()) }
        }
    }
}
