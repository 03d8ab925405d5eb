import TelemedCore

extension StaffPageModel {
    /// The days session `index` of a series may take (local dates).
    public struct SessionDays: Sendable {
        public var index: Int
        public var earliest: LocalDate
        public var latest: LocalDate

        public init(index: Int, earliest: LocalDate, latest: LocalDate) {
            self.index = index
            self.earliest = earliest
            self.latest = latest
        }
    }

    /// One care series of the site: its resident, its spacing and each session in order.
    public struct CareSeriesGroup: Sendable {
        public struct Session: Sendable {
            /// The session's booking, when it has one.
            public struct Booked: Sendable {
                public var date: LocalDate
                public var start: LocalTime
                public var practitioner: String
                public var status: BookingStatus
                public var outcomeReason: OutcomeReason?

                public init(
                    date: LocalDate, start: LocalTime, practitioner: String, status: BookingStatus,
                    outcomeReason: OutcomeReason? = nil
                ) {
                    self.date = date
                    self.start = start
                    self.practitioner = practitioner
                    self.status = status
                    self.outcomeReason = outcomeReason
                }
            }

            public var index: Int
            public var booked: Booked?
            /// Not booked yet: the days the spacing from the previous session's booking allows;
            /// nil while that one is not booked either.
            public var days: SessionDays?

            public init(index: Int, booked: Booked?, days: SessionDays? = nil) {
                self.index = index
                self.booked = booked
                self.days = days
            }
        }

        public var residentReference: String
        public var specialty: Specialty
        public var spacing: CareSeries
        public var sessions: [Session]

        public init(residentReference: String, specialty: Specialty, spacing: CareSeries, sessions: [Session]) {
            self.residentReference = residentReference
            self.specialty = specialty
            self.spacing = spacing
            self.sessions = sessions
        }
    }
}
