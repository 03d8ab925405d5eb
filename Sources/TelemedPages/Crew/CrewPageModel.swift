import TelemedCore

/// What a unit's crew sees: today's and tomorrow's route, stop by stop.
public struct CrewPageModel: Sendable {
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

        public init(
            siteName: String, address: String, commune: String, location: GeoPoint, arrival: LocalTime,
            departure: LocalTime, consultations: Int, changedAfterCutoff: Bool = false
        ) {
            self.siteName = siteName
            self.address = address
            self.commune = commune
            self.location = location
            self.arrival = arrival
            self.departure = departure
            self.consultations = consultations
            self.changedAfterCutoff = changedAfterCutoff
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

    public init(
        unitName: String, depotName: String, depotLocation: GeoPoint, days: [Day], feedURL: String,
        todayDownloadURL: String? = nil
    ) {
        self.unitName = unitName
        self.depotName = depotName
        self.depotLocation = depotLocation
        self.days = days
        self.feedURL = feedURL
        self.todayDownloadURL = todayDownloadURL
    }
}
