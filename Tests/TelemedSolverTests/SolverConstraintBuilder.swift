import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// A real commune of Bourgogne (INSEE code and town-hall coordinates as in
/// `Sources/TelemedCore/Resources/Regions/communes-27.csv`). Great-circle × 1.3 driving times
/// between them, default speed bands: Château-Chinon–Lormes 40.5 min, Château-Chinon–Luzy 45.1,
/// Lormes–Luzy 72.2, Lormes–Saulieu 45.8, Château-Chinon–Saulieu 47.4, Nevers–Lormes 75.0,
/// Château-Chinon–Moulins-Engilbert 23.7, Château-Chinon–Clamecy 69.4.
struct SolverConstraintCommune: Sendable {
    let name: String
    let insee: String
    let location: GeoPoint

    init(_ name: String, _ insee: String, _ latitude: Double, _ longitude: Double) {
        self.name = name
        self.insee = insee
        location = GeoPoint(latitude: latitude, longitude: longitude)
    }

    var department: String { String(insee.prefix(2)) }

    static let chateauChinon = Self("Château-Chinon (Ville)", "58062", 47.06459, 3.93256)
    static let clamecy = Self("Clamecy", "58079", 47.45983, 3.51896)
    static let lormes = Self("Lormes", "58145", 47.29026, 3.81408)
    static let luzy = Self("Luzy", "58149", 46.78910, 3.96985)
    static let moulinsEngilbert = Self("Moulins-Engilbert", "58182", 46.98787, 3.80920)
    static let nevers = Self("Nevers", "58194", 46.98781, 3.15762)
    static let saulieu = Self("Saulieu", "21584", 47.27950, 4.22898)
}

/// Tiny scenarios for the "one test per hard constraint" suite: every default is generous (open
/// Monday–Friday 09:00–17:00 with a nurse, available Monday–Friday 09:00–17:00, no unit), so each
/// test states only the one rule it is about.
enum SolverConstraintBuilder {
    typealias Commune = SolverConstraintCommune
    static let clock = WallClock.paris

    // Week of Monday 2027-01-11 (winter time, UTC+1).
    static let monday = "2027-01-11"
    static let tuesday = "2027-01-12"
    static let wednesday = "2027-01-13"
    static let thursday = "2027-01-14"
    static let friday = "2027-01-15"

    static func date(_ text: String) -> LocalDate { try! LocalDate(text) }
    static func time(_ text: String) -> LocalTime { try! LocalTime(text) }

    /// `at("2027-01-11", "09:00")`: that Paris wall-clock time as a UTC instant.
    static func at(_ day: String, _ clockTime: String) -> Date { clock.instant(on: date(day), at: time(clockTime)) }

    static func windows(_ days: [Weekday], _ start: String, _ end: String) -> [WeeklyWindow] {
        days.map { WeeklyWindow(day: $0, start: time(start), end: time(end)) }
    }

    static func weekdays(_ start: String = "09:00", _ end: String = "17:00") -> [WeeklyWindow] {
        windows(Weekday.workingDays, start, end)
    }

    static func site(
        _ id: String, in commune: Commune, open: [WeeklyWindow] = weekdays(), nurse: [WeeklyWindow]? = nil,
        rooms: Int = 1, equipment: [Equipment] = [.videoCart], closed: [String] = [],
        openOnPublicHolidays: Bool = false
    ) -> Site {
        let ehpad = id.hasPrefix("E-")
        return Site(
            id: Site.ID(id), kind: ehpad ? .ehpad : .townPoint, name: "\(ehpad ? "EHPAD" : "Point") \(commune.name)",
            finess: ehpad ? "\(commune.department)9990011" : nil, beds: ehpad ? 60 : nil, inseeCode: commune.insee,
            commune: commune.name, address: "1 place de la Mairie, \(commune.name)", location: commune.location,
            openingHours: open, nurseHours: nurse ?? open, rooms: rooms, equipment: equipment,
            closedDates: closed.map(date), openOnPublicHolidays: openOnPublicHolidays)
    }

    static func specialist(
        _ id: String, _ specialties: [Specialty] = [.dermatology], available: [WeeklyWindow] = weekdays(),
        exceptions: [AvailabilityException] = [], maxPerDay: Int = 10
    ) -> Specialist {
        // RPPS: 11 digits, the last two from the id ("SP-02" → 10100000002).
        let digits = String(("00" + id.filter(\.isNumber)).suffix(2))
        return Specialist(
            id: Specialist.ID(id), name: "Dr \(id)", rpps: "101000000" + digits, specialties: specialties,
            weeklyAvailability: available, exceptions: exceptions, maxSessionsPerDay: maxPerDay)
    }

    /// An extra (`available`) or time-off (`unavailable`) slot, in Paris wall-clock time.
    static func exception(_ kind: AvailabilityException.Kind, _ day: String, _ start: String, _ end: String)
        -> AvailabilityException
    {
        AvailabilityException(kind: kind, start: at(day, start), end: at(day, end))
    }

    static func unit(
        depot: Commune = .chateauChinon, equipment: [Equipment] = [.videoCart, .ecg],
        days: [Weekday] = Weekday.workingDays, shift: (String, String) = ("08:00", "17:30"),
        lunch: LunchBreak? = nil, setup: Int = 15, maxDriving: Int = 240, capacity: Int? = nil,
        stops: [RecurringStop] = [], unavailable: [String] = []
    ) -> MobileUnit {
        MobileUnit(
            id: "U-01", name: "Unité mobile \(depot.name)", crew: .nurse,
            depot: Depot(name: "Centre hospitalier, \(depot.name)", inseeCode: depot.insee, location: depot.location),
            equipment: equipment, operatingDays: days,
            shift: TimeOfDayWindow(start: time(shift.0), end: time(shift.1)), lunchBreak: lunch,
            setupMinutes: setup, maxDrivingMinutesPerDay: maxDriving, capacityPerDay: capacity,
            recurringStops: stops, unavailableDates: unavailable.map(date))
    }

    static func request(
        _ id: String, at site: String, _ urgency: Urgency = .routine, patient: String? = nil,
        specialty: Specialty = .dermatology, mode: ConsultationMode = .live, needs: [Equipment] = [],
        minutes: Int = 30, released: String = monday, earliest: String? = nil, preferred: String? = nil,
        load: Int? = nil
    ) -> ConsultationRequest {
        ConsultationRequest(
            id: ConsultationRequest.ID(id), siteId: Site.ID(site), patientRef: patient ?? "P-\(id)",
            specialty: specialty, mode: mode, requiredEquipment: needs, durationMinutes: minutes, urgency: urgency,
            releaseDate: date(released), earliestDate: earliest.map(date),
            preferredSpecialistId: preferred.map { Specialist.ID($0) }, load: load)
    }

    static func scenario(
        from start: String = monday, through end: String = monday, sites: [Site], specialists: [Specialist],
        units: [MobileUnit] = [], requests: [ConsultationRequest], bookings: [Booking] = [],
        asyncReviewDays: Int = 3, holidays: HolidayPolicy = HolidayPolicy(), ticksPerMinute: Int? = nil
    ) -> Scenario {
        Scenario(
            name: "solver constraint test", provenance: "synthetic: real communes, invented sites and people",
            horizon: Horizon(start: date(start), end: date(end)), holidays: holidays,
            asyncReviewDays: asyncReviewDays, sites: sites, specialists: specialists, units: units,
            requests: requests, bookings: bookings, ticksPerMinute: ticksPerMinute)
    }

    /// Solves with a fixed seed and a short search, and records an issue unless the independent
    /// checker finds the plan valid.
    static func solve(
        _ scenario: Scenario, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> SolverConstraintOutcome {
        let plan = try Solver(scenario: scenario).solve(SolverOptions(seed: 7, iterations: 200)).plan
        let report = try PlanChecker(scenario: scenario).check(plan)
        #expect(
            report.isValid, "solver returned an invalid plan: \(report.violations.map(\.description))",
            sourceLocation: sourceLocation)
        for entry in plan.unassigned {
            #expect(
                !entry.reason.isEmpty,
                "\(entry.requestId): \(entry.constraint) \(entry.reason)", sourceLocation: sourceLocation)
        }
        return SolverConstraintOutcome(scenario: scenario, plan: plan, report: report)
    }
}

/// A solved scenario, with the questions the tests ask of it.
struct SolverConstraintOutcome {
    let scenario: Scenario
    let plan: Plan
    let report: PlanCheckReport

    var served: [String] { plan.bookings.map(\.requestId.rawValue).sorted() }
    var unassigned: [String] { plan.unassigned.map(\.requestId.rawValue).sorted() }

    func booking(_ request: String) -> Booking? { plan.bookings.first { $0.requestId.rawValue == request } }

    /// The blocking constraint the solver names for an unassigned request.
    func constraint(_ request: String) -> String? {
        plan.unassigned.first { $0.requestId.rawValue == request }?.constraint.rawValue
    }

    /// Paris date of the booking's start, `"2027-01-12"`.
    func day(_ request: String) -> String? {
        booking(request).map { SolverConstraintBuilder.clock.localDate(of: $0.start).description }
    }

    /// Paris wall-clock start and end of the booking, `"14:00"`.
    func startTime(_ request: String) -> String? {
        booking(request).map { SolverConstraintBuilder.clock.localTime(of: $0.start).description }
    }

    func endTime(_ request: String) -> String? {
        booking(request).map { SolverConstraintBuilder.clock.localTime(of: $0.end).description }
    }

    func host(_ request: String) -> BookingHost? { booking(request)?.host }
}
