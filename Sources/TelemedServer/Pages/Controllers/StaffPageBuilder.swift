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
            start: Self.listedSince(today: today),
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
        model.series = try careSeries(atSite: id, since: window.start, names: names)
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

    /// The proposals of an offer as the page lists them; for a care series' first session, each
    /// with the days the later sessions would take if it is confirmed.
    func proposals(_ offer: ProposalOffer) async throws -> [StaffPageModel.Proposal] {
        let names = Names(try await livePlan.scenario())
        let series = offer.response.series
        return offer.stored.map { stored in
            let proposal = stored.proposal
            let day = WallClock.paris.localDate(of: proposal.start)
            return StaffPageModel.Proposal(
                id: stored.id, specialist: names.practitioner(proposal.specialistId), date: day,
                start: WallClock.paris.localTime(of: proposal.start),
                end: WallClock.paris.localTime(of: proposal.end), unitName: names.unit(proposal.host),
                following: series.map { Self.following($0, firstOn: day) } ?? [])
        }
    }

    /// The days sessions 2… of `series` take when the first is on `day`.
    private static func following(_ series: SeriesView, firstOn day: LocalDate) -> [StaffPageModel.SessionDays] {
        let spacing = CareSeries(count: series.count, minGapDays: series.minGapDays, maxGapDays: series.maxGapDays)
        return series.occurrences.dropFirst().map { occurrence in
            let window = spacing.window(ofOccurrence: occurrence.index, firstOn: day)
            return StaffPageModel.SessionDays(
                index: occurrence.index, earliest: window.lowerBound, latest: window.upperBound)
        }
    }

    /// The start of the first day listed: the Monday four weeks before this week's.
    static func listedSince(today: LocalDate) -> Date {
        let monday = today.adding(days: 1 - today.weekday.isoNumber)
        return WallClock.paris.dayInterval(monday.adding(days: -StaffPage.pastDays)).start
    }

    /// `model` with the site's care series read again: after a request, the series just stored.
    func withSeries(_ model: StaffPageModel, site id: Site.ID) async throws -> StaffPageModel {
        var updated = model
        updated.series = try careSeries(
            atSite: id, since: Self.listedSince(today: model.today), names: Names(try await livePlan.scenario()))
        return updated
    }

    /// The site's care series that are not over (``TelemedDatabase/careSeries(atSite:since:)``, from
    /// the first day the page lists on), each session with its booking or, when not booked yet, the
    /// days the previous booking allows.
    private func careSeries(atSite id: Site.ID, since: Date, names: Names) throws -> [StaffPageModel.CareSeriesGroup] {
        let paris = WallClock.paris
        return try database.careSeries(atSite: id, since: since).compactMap { occurrences in
            guard let first = occurrences.first?.request, let spec = first.series else { return nil }
            var previous: LocalDate?
            let sessions = occurrences.map { occurrence in
                defer { previous = occurrence.booking.map { paris.localDate(of: $0.start) } }
                guard let booking = occurrence.booking else {
                    return StaffPageModel.CareSeriesGroup.Session(
                        index: occurrence.index, booked: nil,
                        days: previous.map {
                            .init(
                                index: occurrence.index, earliest: $0.adding(days: spec.gapDays.lowerBound),
                                latest: $0.adding(days: spec.gapDays.upperBound))
                        })
                }
                return StaffPageModel.CareSeriesGroup.Session(
                    index: occurrence.index,
                    booked: .init(
                        date: paris.localDate(of: booking.start), start: paris.localTime(of: booking.start),
                        practitioner: names.practitioner(booking.specialistId), status: booking.status,
                        outcomeReason: booking.outcomeReason))
            }
            return StaffPageModel.CareSeriesGroup(
                residentReference: first.patientRef, specialty: first.specialty,
                spacing: .init(count: spec.count, minGapDays: spec.minGapDays, maxGapDays: spec.maxGapDays),
                sessions: sessions)
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
