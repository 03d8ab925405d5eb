import Foundation
import TelemedCore
import TelemedSolver

/// Small scenarios built in code, so each test states the rules it depends on.
enum Fixtures {
    static func date(_ text: String) -> LocalDate { try! LocalDate(text) }
    static func time(_ text: String) -> LocalTime { try! LocalTime(text) }

    /// An instant written as UTC, built without the code under test: `utc("2027-01-11", "13:00")`.
    static func utc(_ day: String, _ clock: String, seconds: Int = 0) -> Date {
        let total = date(day).daysSinceEpoch * 86_400 + time(clock).minutesSinceMidnight * 60 + seconds
        return Date(timeIntervalSince1970: TimeInterval(total))
    }

    static func window(_ day: Weekday, _ start: String, _ end: String) -> WeeklyWindow {
        WeeklyWindow(day: day, start: time(start), end: time(end))
    }

    static func weekdays(_ start: String, _ end: String) -> [WeeklyWindow] {
        Weekday.workingDays.map { window($0, start, end) }
    }

    static func site(
        _ id: String, opening: [WeeklyWindow] = weekdays("09:00", "12:00") + weekdays("14:00", "17:00"),
        nurse: [WeeklyWindow] = [], closedDates: [String] = [], openOnPublicHolidays: Bool = false
    ) -> Site {
        Site(
            id: Site.ID(id), kind: .ehpad, name: "EHPAD \(id)", finess: "580000000", beds: 80, inseeCode: "58086",
            commune: "Clamecy", address: "", location: GeoPoint(latitude: 47.46, longitude: 3.52),
            openingHours: opening, nurseHours: nurse, closedDates: closedDates.map(date),
            openOnPublicHolidays: openOnPublicHolidays)
    }

    static func specialist(
        _ id: String, weekly: [WeeklyWindow] = weekdays("09:00", "17:00"), exceptions: [AvailabilityException] = []
    ) -> Specialist {
        Specialist(
            id: Specialist.ID(id), name: "Dr \(id)", rpps: "10000000001", specialties: [.dermatology],
            weeklyAvailability: weekly, exceptions: exceptions, maxSessionsPerDay: 8)
    }

    static func unit(_ id: String, operatingDays: [Weekday], unavailable: [String] = []) -> MobileUnit {
        MobileUnit(
            id: MobileUnit.ID(id), name: "Unit \(id)", crew: .nurse,
            depot: Depot(name: "CH Nevers", inseeCode: "58194", location: GeoPoint(latitude: 46.99, longitude: 3.16)),
            equipment: [.videoCart], operatingDays: operatingDays,
            shift: TimeOfDayWindow(start: time("08:00"), end: time("17:00")), lunchBreak: nil, setupMinutes: 10,
            maxDrivingMinutesPerDay: 240, unavailableDates: unavailable.map(date))
    }

    static func scenario(
        from start: String, through end: String, holidays: HolidayPolicy = HolidayPolicy(), sites: [Site] = [],
        specialists: [Specialist] = [], units: [MobileUnit] = []
    ) -> Scenario {
        Scenario(
            name: "test", horizon: Horizon(start: date(start), end: date(end)), holidays: holidays, sites: sites,
            specialists: specialists, units: units, requests: [])
    }
}

extension TickInterval {
    /// Shorthand for tests: `TickInterval(540, 720)`.
    init(_ start: Int, _ end: Int) { self.init(start: start, end: end) }
}
