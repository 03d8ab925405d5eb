import Foundation
import TelemedCore

@testable import TelemedStore

/// A tiny region for booking rules: two sites (A with one room, B), two specialists (SP-1 at most
/// two sessions a day), one unit (capacity 2, lunch) whose depot is at site A, and requests R-1…R-8
/// (R-7 and R-8 are the same patient at A and B), all live with the resident's consent. Monday 2027-01-04 to Sunday 2027-01-17, no holidays.
enum StoreFixture {
    static let monday = LocalDate(year: 2027, month: 1, day: 4)!
    /// The store's clock in these tests: a week before the fixture's first day, standing still,
    /// so nothing depends on the date the machine shows.
    static let clock = ServiceClock.manual(ManualTime(try! ServiceClock.instant("2026-12-28T08:00:00+01:00")))
    static let location = GeoPoint(latitude: 47.0, longitude: 3.9)

    /// `scenario` imported into a new file in `folder`, then the file opened again: what a round
    /// trip through the store reads back.
    static func reopened(afterImporting scenario: Scenario, in folder: TemporaryDirectory) throws -> TelemedDatabase {
        let path = folder.path("telemed.sqlite")
        try TelemedDatabase.openFile(at: path, clock: clock).importScenario(scenario, actor: "test")
        return try TelemedDatabase.openFile(at: path, clock: clock)
    }

    static func scenario() -> Scenario {
        let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
        let hours = weekdays.map { WeeklyWindow(day: $0, start: time(8, 0), end: time(18, 0)) }
        func site(_ id: Site.ID, rooms: Int, location: GeoPoint) -> Site {
            Site(
                id: id, kind: .townPoint, name: "Site \(id)", inseeCode: "58062", commune: "Château-Chinon",
                address: "1 rue du Test", location: location, openingHours: hours, nurseHours: hours, rooms: rooms)
        }
        func specialist(_ id: Specialist.ID, max: Int) -> Specialist {
            Specialist(
                id: id, name: "Dr \(id)", rpps: "10000000002", specialties: [.generalPractice],
                weeklyAvailability: hours, maxSessionsPerDay: max)
        }
        let unit = MobileUnit(
            id: "U-1", name: "Unité test", crew: .nurse,
            depot: Depot(name: "Dépôt", inseeCode: "58062", location: location), equipment: [.ecg],
            operatingDays: weekdays, shift: TimeOfDayWindow(start: time(8, 0), end: time(17, 30)),
            lunchBreak: LunchBreak(earliestStart: time(12, 0), latestEnd: time(14, 0), minutes: 45), setupMinutes: 15,
            maxDrivingMinutesPerDay: 240, capacityPerDay: 2)
        let requests = (1...8).map { index in
            ConsultationRequest(
                id: ConsultationRequest.ID("R-\(index)"), siteId: index == 8 ? "B" : "A",
                patientRef: index >= 7 ? "P-X" : "P-\(index)", specialty: .generalPractice, mode: .live,
                requiredEquipment: [], durationMinutes: 30, urgency: .routine, releaseDate: monday,
                consent: Consent(givenBy: .resident, recordedOn: monday))
        }
        return Scenario(
            name: "Store fixture", horizon: Horizon(start: monday, end: monday.adding(days: 13)),
            holidays: HolidayPolicy(observeFrenchPublicHolidays: false),
            sites: [
                site("A", rooms: 1, location: location),
                site("B", rooms: 1, location: GeoPoint(latitude: 47.1, longitude: 3.9)),
            ],
            specialists: [specialist("SP-1", max: 2), specialist("SP-2", max: 8)], units: [unit], requests: requests)
    }

    static func time(_ hour: Int, _ minute: Int) -> LocalTime { LocalTime(hour: hour, minute: minute)! }

    /// Local Paris time on `monday + day`.
    static func at(_ hour: Int, _ minute: Int, day: Int = 0) -> Date {
        WallClock.paris.instant(on: monday.adding(days: day), at: time(hour, minute))
    }

    static func booking(
        _ id: String, request: Int, specialist: Specialist.ID = "SP-1", site: Site.ID? = nil, hour: Int,
        minute: Int = 0, day: Int = 0, host: BookingHost = .siteEquipment
    ) -> Booking {
        let start = at(hour, minute, day: day)
        return Booking(
            id: Booking.ID(id), requestId: ConsultationRequest.ID("R-\(request)"), specialistId: specialist,
            siteId: site ?? (request == 8 ? "B" : "A"), start: start, end: start.addingTimeInterval(30 * 60),
            host: host, status: .proposed)
    }

    /// U-1 at site A from 09:00 to 12:00 on `monday + day`, lunch 12:15–13:00, back at 13:30.
    static func route(day: Int = 0, departure: (Int, Int) = (12, 0)) -> UnitRoute {
        let date = monday.adding(days: day)
        let visit = Visit(
            unitId: "U-1", date: date, siteId: "A", arrival: at(9, 0, day: day),
            departure: at(departure.0, departure.1, day: day), order: 1)
        let unitDay = UnitDay(
            unitId: "U-1", date: date, leavesDepot: at(8, 30, day: day), returnsDepot: at(13, 30, day: day),
            lunch: UTCInterval(start: at(12, 15, day: day), end: at(13, 0, day: day)), drivingMinutes: 0,
            kilometres: 0)
        return UnitRoute(day: unitDay, visits: [visit])
    }

    static func database(_ backend: StoreBackend = .sqlite) throws -> (TelemedDatabase, DatabaseBookingStore) {
        let database = try backend.open(clock: StoreFixture.clock)
        try database.importScenario(scenario(), actor: "test")
        return (database, DatabaseBookingStore(database))
    }

    /// The fixture on a clock of its own, standing at `now` until the test moves it.
    static func database(at now: Date, _ backend: StoreBackend = .sqlite) throws
        -> (TelemedDatabase, DatabaseBookingStore, ManualTime)
    {
        let time = ManualTime(now)
        let database = try backend.open(clock: .manual(time))
        try database.importScenario(scenario(), actor: "test")
        return (database, DatabaseBookingStore(database), time)
    }

    static let smallScenarioURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TelemedCoreTests/Fixtures/small-scenario.json")

    static let solomonURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Benchmarks/solomon/R101.txt")

    static let demoScenarioURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scenarios/bfc-demo.json")
}
