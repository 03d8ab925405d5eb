import Foundation
import TelemedCore

/// Everything the staff page of one site shows, as plain values the server gathers.
public struct StaffPageModel: Sendable {
    public struct SiteHeader: Sendable {
        public var id: String
        public var name: String
        public var commune: String

        public init(id: String, name: String, commune: String) {
            self.id = id
            self.name = name
            self.commune = commune
        }
    }

    /// A booking at the site, as the list shows it.
    public struct Session: Sendable {
        public var bookingId: String
        public var date: LocalDate
        public var start: LocalTime
        public var end: LocalTime
        public var residentReference: String
        public var specialty: Specialty
        public var mode: ConsultationMode
        /// The specialist's name, or "équipage".
        public var practitioner: String
        /// The itinerant unit hosting it, nil when it uses the site's own equipment.
        public var unitName: String?
        public var status: BookingStatus
        public var outcomeReason: OutcomeReason?
        /// Whether the session's start has passed (by the service's clock): its outcome can be
        /// recorded, and it can no longer be moved or cancelled from the page.
        public var started: Bool

        public init(
            bookingId: String, date: LocalDate, start: LocalTime, end: LocalTime, residentReference: String,
            specialty: Specialty, mode: ConsultationMode, practitioner: String, unitName: String?,
            status: BookingStatus, outcomeReason: OutcomeReason? = nil, started: Bool = false
        ) {
            self.bookingId = bookingId
            self.date = date
            self.start = start
            self.end = end
            self.residentReference = residentReference
            self.specialty = specialty
            self.mode = mode
            self.practitioner = practitioner
            self.unitName = unitName
            self.status = status
            self.outcomeReason = outcomeReason
            self.started = started
        }
    }

    /// One of the (up to three) slots offered for the request just made.
    public struct Proposal: Sendable {
        /// What the confirm form posts back (the server's handle on this offer).
        public var id: String
        public var specialist: String
        public var date: LocalDate
        public var start: LocalTime
        public var end: LocalTime
        /// The itinerant unit that comes to the site for it, nil when the site's equipment serves.
        public var unitName: String?
        /// For the first session of a care series: the days the later ones would take if this
        /// slot is confirmed.
        public var following: [SessionDays]

        public init(
            id: String, specialist: String, date: LocalDate, start: LocalTime, end: LocalTime, unitName: String?,
            following: [SessionDays] = []
        ) {
            self.id = id
            self.specialist = specialist
            self.date = date
            self.start = start
            self.end = end
            self.unitName = unitName
            self.following = following
        }
    }

    /// A request on the site's waiting list, with its place and the slot held for it, if any.
    public struct WaitingRequest: Sendable {
        /// A slot held for the request until `expires`: booked with the proposal `proposalId`.
        public struct Offer: Sendable {
            public var proposalId: String
            public var specialist: String
            public var date: LocalDate
            public var start: LocalTime
            public var end: LocalTime
            public var expiresOn: LocalDate
            public var expiresAt: LocalTime

            public init(
                proposalId: String, specialist: String, date: LocalDate, start: LocalTime, end: LocalTime,
                expiresOn: LocalDate, expiresAt: LocalTime
            ) {
                self.proposalId = proposalId
                self.specialist = specialist
                self.date = date
                self.start = start
                self.end = end
                self.expiresOn = expiresOn
                self.expiresAt = expiresAt
            }
        }

        /// 1 for the site's first.
        public var position: Int
        public var requestId: String
        public var residentReference: String
        public var specialty: Specialty
        public var urgency: Urgency
        public var since: LocalDate
        /// Back on the list because its session was not held.
        public var returned: Bool
        public var offer: Offer?

        public init(
            position: Int, requestId: String, residentReference: String, specialty: Specialty, urgency: Urgency,
            since: LocalDate, returned: Bool, offer: Offer?
        ) {
            self.position = position
            self.requestId = requestId
            self.residentReference = residentReference
            self.specialty = specialty
            self.urgency = urgency
            self.since = since
            self.returned = returned
            self.offer = offer
        }
    }

    public var site: SiteHeader
    /// The sessions listed start with this date's week.
    public var today: LocalDate
    public var sessions: [Session]
    public var request: ConsultationRequestForm
    public var proposals: [Proposal]
    /// Why no proposal could be made, when the request was valid but nothing fits.
    public var noProposalReason: String?
    /// The site's feed over https; the page derives the webcal:// link from it.
    public var feedURL: String
    /// A line shown at the top after an action ("Consultation confirmée.").
    public var notice: String?
    public var protection: FormProtection
    /// The site's waiting list, in its order.
    public var waiting: [WaitingRequest] = []
    /// The request just asked for, which the page offers to put on the waiting list.
    public var waitlistCandidate: String?
    /// How long an offered slot stays held, in opening hours ("4").
    public var holdHours: String = "4"
    /// When the request just asked for is a care series: its spacing (the proposals are for its
    /// first session).
    public var proposalSeries: CareSeries?
    /// The site's care series that are not over, each with its sessions.
    public var series: [CareSeriesGroup] = []

    public init(
        site: SiteHeader, today: LocalDate, sessions: [Session], request: ConsultationRequestForm,
        proposals: [Proposal] = [], noProposalReason: String? = nil, feedURL: String, notice: String? = nil,
        protection: FormProtection
    ) {
        self.site = site
        self.today = today
        self.sessions = sessions
        self.request = request
        self.proposals = proposals
        self.noProposalReason = noProposalReason
        self.feedURL = feedURL
        self.notice = notice
        self.protection = protection
    }
}
