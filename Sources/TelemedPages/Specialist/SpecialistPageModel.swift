import TelemedCore

/// What a specialist sees: today's sessions and the rest of the week, the ones already past whose
/// outcome is still to record, the video room and the calendar feed.
public struct SpecialistPageModel: Sendable {
    /// A booking of the specialist, as the lists show it.
    public struct Session: Sendable {
        public var bookingId: String
        public var date: LocalDate
        public var start: LocalTime
        public var end: LocalTime
        /// Pseudonymous, as everywhere.
        public var residentReference: String
        public var specialty: Specialty
        public var mode: ConsultationMode
        public var siteName: String
        /// The itinerant unit hosting it, nil when the site's own equipment serves.
        public var unitName: String?
        public var status: BookingStatus
        public var outcomeReason: OutcomeReason?
        /// Its start has passed (by the service's clock): its outcome can be recorded.
        public var started: Bool

        public init(
            bookingId: String, date: LocalDate, start: LocalTime, end: LocalTime, residentReference: String,
            specialty: Specialty, mode: ConsultationMode, siteName: String, unitName: String?,
            status: BookingStatus, outcomeReason: OutcomeReason?, started: Bool
        ) {
            self.bookingId = bookingId
            self.date = date
            self.start = start
            self.end = end
            self.residentReference = residentReference
            self.specialty = specialty
            self.mode = mode
            self.siteName = siteName
            self.unitName = unitName
            self.status = status
            self.outcomeReason = outcomeReason
            self.started = started
        }
    }

    public var specialistId: String
    public var name: String
    public var today: LocalDate
    /// The specialist's video room for `live` sessions, when the scenario gives one.
    public var videoLink: String?
    /// From the first day still listed as "to record" to the end of the week, any status.
    public var sessions: [Session]
    /// The specialist's calendar feed (https).
    public var feedURL: String
    public var protection: FormProtection
    /// A line shown at the top after an action.
    public var notice: String?

    public init(
        specialistId: String, name: String, today: LocalDate, videoLink: String?, sessions: [Session],
        feedURL: String, protection: FormProtection, notice: String? = nil
    ) {
        self.specialistId = specialistId
        self.name = name
        self.today = today
        self.videoLink = videoLink
        self.sessions = sessions
        self.feedURL = feedURL
        self.protection = protection
        self.notice = notice
    }
}
