import Foundation
import TelemedCore
import Testing

@testable import TelemedStore

/// The store fixture (sites A and B in the Nièvre, 58) grown for the activity report: a site C in
/// the Côte-d'Or (21) open day and night, a specialist SP-3 for cardiology, dermatology and general
/// practice at any hour, requests C-1…C-14 released from 2027-01-10 to 2027-04-02 with every
/// urgency, and sessions of every fate placed on the boundaries a report can get wrong: 00:30 on
/// the first of a month (the previous day in UTC), the night of the spring clock change, 23:30 on
/// the period's last day and 00:30 on the day after. Routes of unit U-1 on four Mondays. Two stays
/// on the waiting list (C-8 from 1 February 10:00 to 5 March 00:00, C-13 from 10 February 23:59),
/// and C-6, whose session was not held, back on it from 1 May.
enum ActivityFixture {
    /// The period the tests report on.
    static let period = try! ActivityPeriod(
        from: LocalDate(year: 2027, month: 1, day: 15)!, to: LocalDate(year: 2027, month: 3, day: 31)!)

    /// What becomes of a session.
    enum Fate {
        case done, noShow, notHeld, confirmedThenCancelled, proposedThenCancelled, proposed, confirmed
    }

    struct Session {
        var request: String
        var site: Site.ID
        var specialist: Specialist.ID
        var date: LocalDate
        var time: LocalTime
        var fate: Fate
    }

    struct Demand {
        var id: String
        var specialty: Specialty
        var urgency: Urgency
        var release: LocalDate
    }

    static func day(_ month: Int, _ day: Int) -> LocalDate { LocalDate(year: 2027, month: month, day: day)! }

    static let demand: [Demand] = [
        Demand(id: "C-1", specialty: .cardiology, urgency: .urgent, release: day(1, 14)),
        Demand(id: "C-2", specialty: .cardiology, urgency: .soon, release: day(1, 10)),
        Demand(id: "C-3", specialty: .dermatology, urgency: .routine, release: day(2, 1)),
        Demand(id: "C-4", specialty: .dermatology, urgency: .routine, release: day(2, 20)),
        Demand(id: "C-5", specialty: .dermatology, urgency: .urgent, release: day(3, 27)),
        Demand(id: "C-6", specialty: .cardiology, urgency: .soon, release: day(3, 20)),
        Demand(id: "C-7", specialty: .cardiology, urgency: .soon, release: day(3, 25)),
        Demand(id: "C-8", specialty: .generalPractice, urgency: .routine, release: day(3, 31)),
        Demand(id: "C-9", specialty: .dermatology, urgency: .routine, release: day(2, 1)),
        Demand(id: "C-10", specialty: .dermatology, urgency: .routine, release: day(2, 1)),
        Demand(id: "C-11", specialty: .cardiology, urgency: .routine, release: day(2, 2)),
        Demand(id: "C-12", specialty: .cardiology, urgency: .urgent, release: day(3, 30)),
        Demand(id: "C-13", specialty: .cardiology, urgency: .soon, release: day(4, 2)),
        Demand(id: "C-14", specialty: .dermatology, urgency: .urgent, release: day(1, 20)),
    ]

    static func at(_ hour: Int, _ minute: Int) -> LocalTime { LocalTime(hour: hour, minute: minute)! }

    static let sessions: [Session] = [
        Session(request: "C-1", site: "C", specialist: "SP-3", date: day(1, 15), time: at(0, 30), fate: .done),
        Session(request: "C-2", site: "C", specialist: "SP-3", date: day(2, 10), time: at(10, 0), fate: .done),
        Session(request: "C-3", site: "C", specialist: "SP-3", date: day(3, 1), time: at(0, 30), fate: .noShow),
        Session(request: "C-4", site: "C", specialist: "SP-3", date: day(3, 28), time: at(1, 30), fate: .done),
        Session(request: "C-5", site: "C", specialist: "SP-3", date: day(3, 28), time: at(3, 30), fate: .done),
        Session(request: "C-6", site: "C", specialist: "SP-3", date: day(3, 31), time: at(23, 30), fate: .notHeld),
        Session(request: "C-7", site: "C", specialist: "SP-3", date: day(4, 1), time: at(0, 30), fate: .done),
        Session(
            request: "C-9", site: "C", specialist: "SP-3", date: day(2, 15), time: at(10, 0),
            fate: .confirmedThenCancelled),
        Session(
            request: "C-10", site: "C", specialist: "SP-3", date: day(2, 16), time: at(10, 0),
            fate: .proposedThenCancelled),
        Session(request: "C-11", site: "C", specialist: "SP-3", date: day(2, 17), time: at(10, 0), fate: .proposed),
        Session(request: "C-12", site: "C", specialist: "SP-3", date: day(3, 31), time: at(10, 0), fate: .confirmed),
        Session(request: "C-14", site: "C", specialist: "SP-3", date: day(1, 21), time: at(9, 0), fate: .done),
        Session(request: "R-1", site: "A", specialist: "SP-1", date: day(1, 18), time: at(14, 0), fate: .done),
        Session(request: "R-2", site: "A", specialist: "SP-1", date: day(2, 22), time: at(14, 0), fate: .noShow),
        Session(request: "R-8", site: "B", specialist: "SP-2", date: day(3, 15), time: at(11, 0), fate: .done),
    ]

    /// U-1's routes: its date, kilometres, and whether it also stops at B after A.
    static let routes: [(date: LocalDate, kilometres: Double, twoStops: Bool)] = [
        (day(1, 18), 10.5, false), (day(2, 22), 20.25, true), (day(3, 29), 30, false), (day(4, 5), 99, false),
    ]

    static func scenario() -> Scenario {
        var scenario = StoreFixture.scenario()
        scenario.horizon = Horizon(start: StoreFixture.monday, end: day(4, 30))
        let always = Weekday.allCases.map {
            WeeklyWindow(day: $0, start: at(0, 0), end: LocalTime(hour: 24, minute: 0)!)
        }
        scenario.sites.append(
            Site(
                id: "C", kind: .townPoint, name: "Maison de santé C", inseeCode: "21231", commune: "Dijon",
                address: "2 rue du Test", location: GeoPoint(latitude: 47.32, longitude: 5.04), openingHours: always,
                nurseHours: always))
        scenario.specialists.append(
            Specialist(
                id: "SP-3", name: "Dr SP-3", rpps: "10000000003",
                specialties: [.cardiology, .dermatology, .generalPractice], weeklyAvailability: always,
                maxSessionsPerDay: 20))
        scenario.requests += demand.map { demand in
            ConsultationRequest(
                id: ConsultationRequest.ID(demand.id), siteId: "C", patientRef: "P-\(demand.id)",
                specialty: demand.specialty, mode: .live, requiredEquipment: [], durationMinutes: 30,
                urgency: demand.urgency, releaseDate: demand.release,
                consent: Consent(givenBy: .resident, recordedOn: demand.release))
        }
        return scenario
    }

    /// The fixture in memory (or in a new PostgreSQL database), every session and route stored,
    /// outcomes recorded on 2027-05-01.
    static func database(_ backend: StoreBackend = .sqlite) throws -> TelemedDatabase {
        let time = ManualTime(try ServiceClock.instant("2027-01-03T08:00:00+01:00"))
        let database = try backend.open(clock: .manual(time))
        try database.importScenario(scenario(), actor: "test")
        let store = DatabaseBookingStore(database)
        for route in routes { try save(route, store) }
        for (index, session) in sessions.enumerated() {
            let start = WallClock.paris.instant(on: session.date, at: session.time)
            let booking = Booking(
                id: Booking.ID("B-\(index + 1)"), requestId: ConsultationRequest.ID(session.request),
                specialistId: session.specialist, siteId: session.site, start: start,
                end: start.addingTimeInterval(30 * 60), host: .siteEquipment, status: .proposed)
            try store.propose(booking, actor: "test")
            switch session.fate {
            case .proposed: break
            case .proposedThenCancelled: try store.cancel(booking.id, expectedVersion: nil, actor: "test")
            default:
                let confirmed = try store.confirm(booking.id, expectedVersion: nil, route: nil, actor: "test")
                #expect(confirmed.value != nil, "\(booking.id) \(session.request): \(confirmed)")
            }
        }
        // The waiting list: C-8 from 1 February to 5 March, C-13 from 10 February on.
        time.set(to: try ServiceClock.instant("2027-02-01T10:00:00+01:00"))
        try database.joinWaitlist("C-8", wantsBefore: nil, actor: "test")
        time.set(to: try ServiceClock.instant("2027-02-10T23:59:00+01:00"))
        try database.joinWaitlist("C-13", wantsBefore: nil, actor: "test")
        time.set(to: try ServiceClock.instant("2027-03-05T00:00:00+01:00"))
        try database.leaveWaitlist("C-8", actor: "test")
        time.set(to: try ServiceClock.instant("2027-05-01T08:00:00+02:00"))
        for (index, session) in sessions.enumerated() {
            let id = Booking.ID("B-\(index + 1)")
            let outcome: SessionOutcome? =
                switch session.fate {
                case .done: .done
                case .noShow: .noShow
                case .notHeld: .notHeld
                default: nil
                }
            if let outcome {
                let reason: OutcomeReason? = outcome == .notHeld ? .connectionFailure : nil
                let recorded = try store.recordOutcome(
                    id, outcome, reason: reason, expectedVersion: nil, actor: "test")
                #expect(recorded.value != nil)
            } else if session.fate == .confirmedThenCancelled {
                try store.cancel(id, expectedVersion: nil, actor: "test")
            }
        }
        return database
    }

    private static func save(
        _ plan: (date: LocalDate, kilometres: Double, twoStops: Bool), _ store: DatabaseBookingStore
    )
        throws
    {
        let offset = StoreFixture.monday.days(to: plan.date)
        var route = StoreFixture.route(day: offset)
        route.day.kilometres = plan.kilometres
        if plan.twoStops {
            route.visits[0].departure = StoreFixture.at(10, 0, day: offset)
            route.visits.append(
                Visit(
                    unitId: "U-1", date: plan.date, siteId: "B", arrival: StoreFixture.at(11, 0, day: offset),
                    departure: StoreFixture.at(12, 0, day: offset), order: 2))
        }
        let saved = try store.saveRoute(route, actor: "test")
        #expect(saved.value != nil, "route of \(plan.date): \(saved)")
    }
}
