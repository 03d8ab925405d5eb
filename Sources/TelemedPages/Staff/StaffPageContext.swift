/// What `staff-page.mustache` shows, built by ``StaffPage``; optional names are absent from the
/// enclosing contexts, so a nil one never picks up a parent's value.
struct StaffPageContext {
    struct Proposal {
        var number: Int
        /// "vendredi 26 mars 2027, 14 h 15".
        var when: String
        var end, specialist: String
        /// Whether the unit comes, in a sentence.
        var place: String
        /// For a care series: the days the later sessions would take.
        var following: String?
        var confirm: FormView
    }

    struct SeriesRow {
        var session, when, practitioner, status: String
    }

    struct SeriesTable {
        var caption: String
        var rows: [SeriesRow]
    }

    struct Row {
        var date, times, resident, specialty, mode, practitioner, place, status: String
        /// Whether the table has an "Actions" column.
        var actionable: Bool
        var hasActions: Bool
        var actions: [FormView]
    }

    struct WaitingRow {
        var position, resident, specialty, urgency, since, offer: String
        var hasOffer: Bool
        var actions: [FormView]
    }

    struct Table {
        var caption: String
        var headers: [String]
        var rows: [Row]
    }

    var frame: PageFrame
    var site: StaffPageModel.SiteHeader
    var notice, noProposalReason: String?
    var requestRefused, showsProposals, hasProposalList: Bool
    var requestForm: FormView
    var proposals: [Proposal]
    var weeks: [Table]
    var past: Table?
    var webcal: String
    var feed: CopyButton
    var waitlist: [WaitingRow]
    var hasWaitlist: Bool
    var waitlistHeaders: [String]
    var waitlistJoin: FormView?
    var holdHours: String
    /// The rhythm of the care series the proposals are for.
    var proposalSeries: String?
    var series: [SeriesTable]
    var hasSeries: Bool
}
