import Foundation
import Hummingbird
import TelemedCore
import TelemedPages
import TelemedStore

/// Gathers a site's staff page from the store and the live plan: the site, its sessions from the
/// current week on, the request form's choices and the feed link. The controller then adds what
/// the action produced (proposals, a refused form, a notice).
struct StaffPageBuilder: Sendable {
    let database: TelemedDatabase
    let store: any BookingStore
    let livePlan: LivePlan
    let waitlist: WaitlistOffers
    let hold: WaitlistHold
    let pages: PageServices

    /// The weeks listed: this one and the three after it.
    static let listedDays = 28

    func model(site id: Site.ID, session: String, request: Request) async throws -> StaffPageModel {
        let scenario = try await livePlan.scenario()
        guard let site = scenario.sites.first(where: { $0.id == id }) else {
            throw PageError.notFound("Aucun établissement ne porte ce code dans la région : vérifiez l’adresse.")
        }
        let today = max(database.clock.today(), scenario.horizon.start)
        let monday = today.adding(days: 1 - today.weekday.isoNumber)
        // The four weeks before this one too: history, read by date like the rest.
        let window = UTCInterval(
            start: WallClock.paris.dayInterval(monday.adding(days: -StaffPage.pastDays)).start,
            end: WallClock.paris.dayInterval(monday.adding(days: Self.listedDays - 1)).end)
        let names = Names(scenario)
        let now = database.clock.now()
        // Slots held for the waiting list show as offers in the list, not as sessions.
        let sessions = try store.bookings(atSite: id, startingIn: window).filter { $0.status != .held }.map {
            try listed($0, names: names, now: now)
        }
        let secret = try pages.feedLinks.secret(for: .site(id.rawValue), in: database)
        var model = StaffPageModel(
            site: .init(id: site.id.rawValue, name: site.name, commune: site.commune), today: today,
            sessions: sessions, request: Self.emptyForm(scenario, site: site, today: database.clock.today()),
            feedURL: "\(pages.baseURL(request))/feeds/\(secret).ics",
            protection: pages.protection(session: session))
        try await waitlist.refresh()
        model.waiting = try database.waitlist(siteId: id).enumerated().map { index, entry in
            try waiting(entry, position: index + 1, names: names)
        }
        let hours = Double(hold.openHours.components.seconds) / 3600
        model.holdHours = FrenchVocabulary.number(hours, places: hours.rounded() == hours ? 0 : 1)
        return model
    }

    private func waiting(_ entry: WaitlistEntry, position: Int, names: Names) throws -> StaffPageModel.WaitingRequest {
        let consultation = try database.request(id: entry.requestId)
        let paris = WallClock.paris
        return StaffPageModel.WaitingRequest(
            position: position, requestId: entry.requestId.rawValue, residentReference: consultation?.patientRef ?? "—",
            specialty: consultation?.specialty ?? "generalPractice", urgency: entry.urgency,
            since: paris.localDate(of: entry.enteredAt), returned: entry.returned,
            offer: entry.offer.map { offer in
                StaffPageModel.WaitingRequest.Offer(
                    proposalId: offer.proposalId, specialist: names.practitioner(offer.specialistId),
                    date: paris.localDate(of: offer.start), start: paris.localTime(of: offer.start),
                    end: paris.localTime(of: offer.end), expiresOn: paris.localDate(of: offer.expiresAt),
                    expiresAt: paris.localTime(of: offer.expiresAt))
            })
    }

    /// The site's own equipment (what the waiting list can offer slots with).
    func siteEquipment(_ id: Site.ID) async throws -> [Equipment] {
        try await livePlan.scenario().sites.first { $0.id == id }?.equipment ?? []
    }

    /// The proposals of an offer as the page lists them.
    func proposals(_ offer: ProposalOffer) async throws -> [StaffPageModel.Proposal] {
        let names = Names(try await livePlan.scenario())
        return offer.stored.map { stored in
            let proposal = stored.proposal
            return StaffPageModel.Proposal(
                id: stored.id, specialist: names.practitioner(proposal.specialistId),
                date: WallClock.paris.localDate(of: proposal.start),
                start: WallClock.paris.localTime(of: proposal.start),
                end: WallClock.paris.localTime(of: proposal.end), unitName: names.unit(proposal.host))
        }
    }

    private func listed(_ booking: Booking, names: Names, now: Date) throws -> StaffPageModel.Session {
        let consultation = try database.request(id: booking.requestId)
        return StaffPageModel.Session(
            bookingId: booking.id.rawValue, date: WallClock.paris.localDate(of: booking.start),
            start: WallClock.paris.localTime(of: booking.start), end: WallClock.paris.localTime(of: booking.end),
            residentReference: consultation?.patientRef ?? "—", specialty: consultation?.specialty ?? "generalPractice",
            mode: consultation?.mode ?? .live, practitioner: names.practitioner(booking.specialistId),
            unitName: names.unit(booking.host), status: booking.status, outcomeReason: booking.outcomeReason,
            started: booking.start <= now)
    }

    /// The form with what this site may ask for: the specialties someone in the region practises,
    /// and the equipment the site or a unit can bring.
    /// The consent's day is offered as `today` (the clock's).
    static func emptyForm(_ scenario: Scenario, site: Site, today: LocalDate) -> ConsultationRequestForm {
        ConsultationRequestForm(
            consentRecordedOn: today.description,
            specialties: Set(scenario.specialists.flatMap(\.specialties)).sorted(),
            equipmentChoices: Set(site.equipment + scenario.units.flatMap(\.equipment)).sorted())
    }
}

/// Names by id, for the lists (ids mean nothing to staff).
struct Names {
    let specialists: [Specialist.ID: String]
    let units: [MobileUnit.ID: String]

    init(_ scenario: Scenario) {
        specialists = Dictionary(scenario.specialists.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        units = Dictionary(scenario.units.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    func practitioner(_ id: Specialist.ID?) -> String {
        guard let id else { return "équipage" }
        return specialists[id] ?? id.rawValue
    }

    func unit(_ host: BookingHost) -> String? {
        guard case .unitVisit(let id) = host else { return nil }
        return units[id] ?? id.rawValue
    }
}
