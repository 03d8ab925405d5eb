/// An itinerant telemedicine unit: a vehicle, a crew (a nurse or an orthoptist) and devices,
/// driving from its depot to sites and back each operating day.
public struct MobileUnit: Codable, Hashable, Sendable, Identifiable {
    public typealias ID = Identifier<MobileUnit>

    public enum Crew: String, ClosedVocabulary, Hashable {
        case nurse, orthoptist
    }

    public var id: ID
    public var name: String
    public var crew: Crew
    public var depot: Depot
    public var equipment: [Equipment]
    public var operatingDays: [Weekday]
    public var shift: TimeOfDayWindow
    public var lunchBreak: LunchBreak?
    /// Minutes to set up at each stop before the first consultation.
    public var setupMinutes: Int
    public var maxDrivingMinutesPerDay: Int
    /// Consultations per day, when the crew's capacity is the limit: the sum of the hosted
    /// requests' loads (1 each unless a request says otherwise).
    public var capacityPerDay: Int?
    /// Stops planners pin on one weekday, every week or on a pattern ("Wednesdays at Beaufort",
    /// "the first Tuesday of the month at Saulieu").
    public var recurringStops: [RecurringStop]
    /// Days off besides public holidays (maintenance, training).
    public var unavailableDates: [LocalDate]
    /// The route for day D is frozen at this local time on D-1.
    public var routeCutoff: LocalTime
    /// The crew's address: where changes to a route already frozen are sent.
    public var email: String?

    public init(
        id: ID, name: String, crew: Crew, depot: Depot, equipment: [Equipment], operatingDays: [Weekday],
        shift: TimeOfDayWindow, lunchBreak: LunchBreak?, setupMinutes: Int, maxDrivingMinutesPerDay: Int,
        capacityPerDay: Int? = nil, recurringStops: [RecurringStop] = [], unavailableDates: [LocalDate] = [],
        routeCutoff: LocalTime = MobileUnit.defaultRouteCutoff, email: String? = nil
    ) {
        self.id = id
        self.name = name
        self.crew = crew
        self.depot = depot
        self.equipment = equipment
        self.operatingDays = operatingDays
        self.shift = shift
        self.lunchBreak = lunchBreak
        self.setupMinutes = setupMinutes
        self.maxDrivingMinutesPerDay = maxDrivingMinutesPerDay
        self.capacityPerDay = capacityPerDay
        self.recurringStops = recurringStops
        self.unavailableDates = unavailableDates
        self.routeCutoff = routeCutoff
        self.email = email
    }

    public static let defaultRouteCutoff = LocalTime(hour: 18, minute: 0)!

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try c.decode(ID.self, forKey: .id),
            name: try c.decode(String.self, forKey: .name),
            crew: try c.decode(Crew.self, forKey: .crew),
            depot: try c.decode(Depot.self, forKey: .depot),
            equipment: try c.decodeIfPresent([Equipment].self, forKey: .equipment) ?? [],
            operatingDays: try c.decode([Weekday].self, forKey: .operatingDays),
            shift: try c.decode(TimeOfDayWindow.self, forKey: .shift),
            lunchBreak: try c.decodeIfPresent(LunchBreak.self, forKey: .lunchBreak),
            setupMinutes: try c.decode(Int.self, forKey: .setupMinutes),
            maxDrivingMinutesPerDay: try c.decode(Int.self, forKey: .maxDrivingMinutesPerDay),
            capacityPerDay: try c.decodeIfPresent(Int.self, forKey: .capacityPerDay),
            recurringStops: try c.decodeIfPresent([RecurringStop].self, forKey: .recurringStops) ?? [],
            unavailableDates: try c.decodeIfPresent([LocalDate].self, forKey: .unavailableDates) ?? [],
            routeCutoff: try c.decodeIfPresent(LocalTime.self, forKey: .routeCutoff) ?? MobileUnit.defaultRouteCutoff,
            email: try c.decodeIfPresent(String.self, forKey: .email)
        )
    }
}

/// Where a unit starts and ends each day.
public struct Depot: Codable, Hashable, Sendable {
    public var name: String
    public var inseeCode: String
    public var location: GeoPoint

    public init(name: String, inseeCode: String, location: GeoPoint) {
        self.name = name
        self.inseeCode = inseeCode
        self.location = location
    }
}

/// A lunch break of `minutes` that must fit between `earliestStart` and `latestEnd`.
public struct LunchBreak: Codable, Hashable, Sendable {
    public var earliestStart: LocalTime
    public var latestEnd: LocalTime
    public var minutes: Int

    public init(earliestStart: LocalTime, latestEnd: LocalTime, minutes: Int) {
        self.earliestStart = earliestStart
        self.latestEnd = latestEnd
        self.minutes = minutes
    }
}
