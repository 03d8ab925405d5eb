import TelemedCore

/// What a unit's crew sees: today's and tomorrow's route, stop by stop.
public struct CrewPageModel: Sendable {
    /// A consultation hosted at a stop, for the crew to tick once the resident is seen.
    public struct Session: Sendable {
        public var bookingId: String
        public var start: LocalTime
        /// Pseudonymous, as everywhere.
        public var residentReference: String
        public var specialty: Specialty
        public var status: BookingStatus
        public var outcomeReason: OutcomeReason?
        /// Its start has passed: its outcome can be recorded.
        public var started: Bool

        public init(
            bookingId: String, start: LocalTime, residentReference: String, specialty: Specialty,
            status: BookingStatus, outcomeReason: OutcomeReason? = nil, started: Bool
        ) {
            self.bookingId = bookingId
            self.start = start
            self.residentReference = residentReference
            self.specialty = specialty
            self.status = status
            self.outcomeReason = outcomeReason
            self.started = started
        }
    }

    public struct Stop: Sendable {
        public var siteName: String
        public var address: String
        public var commune: String
        public var location: GeoPoint
        public var arrival: LocalTime
        public var departure: LocalTime
        public var consultations: Int
        /// Changed after the route's cut-off (an urgent change): the crew must see it flagged.
        public var changedAfterCutoff: Bool
        /// The stop's place in the day (1…n), which its outcome form names.
        public var order: Int
        /// The confirmed consultations it hosts, by start (empty when not listed).
        public var sessions: [Session]

        public init(
            siteName: String, address: String, commune: String, location: GeoPoint, arrival: LocalTime,
            departure: LocalTime, consultations: Int, changedAfterCutoff: Bool = false, order: Int = 0,
            sessions: [Session] = []
        ) {
            self.siteName = siteName
            self.address = address
            self.commune = commune
            self.location = location
            self.arrival = arrival
            self.departure = departure
            self.consultations = consultations
            self.changedAfterCutoff = changedAfterCutoff
            self.order = order
            self.sessions = sessions
        }
    }

    public struct Day: Sendable {
        public var date: LocalDate
        /// Leaving and coming back to the depot; nil on a day without a route.
        public var departure: LocalTime?
        public var back: LocalTime?
        /// In visiting order.
        public var stops: [Stop]

        public init(date: LocalDate, departure: LocalTime?, back: LocalTime?, stops: [Stop]) {
            self.date = date
            self.departure = departure
            self.back = back
            self.stops = stops
        }
    }

    public var unitName: String
    public var depotName: String
    public var depotLocation: GeoPoint
    /// Today first, then tomorrow.
    public var days: [Day]
    /// The unit's route feed (https).
    public var feedURL: String
    /// Today's route as a one-off `.ics`, for a phone whose subscription lags.
    public var todayDownloadURL: String?
    /// The unit's id and the session's form protection: with both, each stop whose consultations
    /// have started offers the residents to tick.
    public var unitId: String?
    public var protection: FormProtection?
    /// A line shown at the top after an action.
    public var notice: String?

    public init(
        unitName: String, depotName: String, depotLocation: GeoPoint, days: [Day], feedURL: String,
        todayDownloadURL: String? = nil, unitId: String? = nil, protection: FormProtection? = nil
    ) {
        self.unitName = unitName
        self.depotName = depotName
        self.depotLocation = depotLocation
        self.days = days
        self.feedURL = feedURL
        self.todayDownloadURL = todayDownloadURL
        self.unitId = unitId
        self.protection = protection
    }
}
