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

        public init(
            id: String, specialist: String, date: LocalDate, start: LocalTime, end: LocalTime, unitName: String?
        ) {
            self.id = id
            self.specialist = specialist
            self.date = date
            self.start = start
            self.end = end
            self.unitName = unitName
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
