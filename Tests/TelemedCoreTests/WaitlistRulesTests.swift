import Foundation
import Testing

@testable import TelemedCore

@Suite("Waiting list rules: the order of the list and how long a slot is held")
struct WaitlistRulesTests {
    static let paris = WallClock.paris
    static let monday = LocalDate(year: 2027, month: 3, day: 22)!

    static func at(_ hour: Int, _ minute: Int = 0, day: Int = 0) -> Date {
        paris.instant(on: monday.adding(days: day), at: LocalTime(hour: hour, minute: minute)!)
    }

    static func entry(_ id: String, _ urgency: Urgency, entered: Date, returned: Bool = false) -> WaitlistEntry {
        WaitlistEntry(
            requestId: ConsultationRequest.ID(id), siteId: "A", urgency: urgency, enteredAt: entered, returned: returned
        )
    }

    @Test("returned requests first, then urgency, then longest waiting, then request id")
    func order() {
        let entries = [
            Self.entry("R-routine-old", .routine, entered: Self.at(9, day: -10)),
            Self.entry("R-soon-new", .soon, entered: Self.at(9)),
            Self.entry("R-urgent", .urgent, entered: Self.at(10)),
            Self.entry("R-returned", .routine, entered: Self.at(11), returned: true),
            Self.entry("R-soon-old", .soon, entered: Self.at(9, day: -1)),
            Self.entry("R-soon-old-b", .soon, entered: Self.at(9, day: -1)),
        ]
        #expect(
            entries.sorted { $0.precedes($1) }.map(\.requestId.rawValue) == [
                "R-returned", "R-urgent", "R-soon-old", "R-soon-old-b", "R-soon-new", "R-routine-old",
            ])
    }

    static func site(openings: [UTCInterval]? = nil, closed: [LocalDate] = []) -> Site {
        let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
        return Site(
            id: "A", kind: .ehpad, name: "EHPAD", inseeCode: "58079", commune: "Clamecy", address: "1 rue",
            location: GeoPoint(latitude: 47.4, longitude: 3.5),
            openingHours: weekdays.map {
                WeeklyWindow(day: $0, start: LocalTime(hour: 9, minute: 0)!, end: LocalTime(hour: 18, minute: 0)!)
            },
            nurseHours: [], closedDates: closed, openings: openings)
    }

    static let far = Self.at(9, day: 30)

    @Test("four hours of opening time: within the day, over the night, over a weekend and a closed day")
    func openingHours() {
        let hold = WaitlistHold()
        let policy = HolidayPolicy()
        #expect(hold.expiry(from: Self.at(10), slotStart: Self.far, site: Self.site(), holidays: policy) == Self.at(14))
        #expect(
            hold.expiry(from: Self.at(17), slotStart: Self.far, site: Self.site(), holidays: policy)
                == Self.at(12, day: 1))
        // Before opening: the hours start at opening.
        #expect(hold.expiry(from: Self.at(7), slotStart: Self.far, site: Self.site(), holidays: policy) == Self.at(13))
        // Friday 16:00: two hours on Friday, two on Tuesday (Monday 29 March 2027 is Easter Monday).
        #expect(
            hold.expiry(from: Self.at(16, day: 4), slotStart: Self.far, site: Self.site(), holidays: policy)
                == Self.at(11, day: 8))
        // Tuesday closed: Monday 17:00 runs to Wednesday 12:00.
        let closed = Self.site(closed: [Self.monday.adding(days: 1)])
        #expect(
            hold.expiry(from: Self.at(17), slotStart: Self.far, site: closed, holidays: policy) == Self.at(12, day: 2))
    }

    @Test("public holidays close the site unless it opens on them; Easter Monday 2027 is 29 March")
    func holidays() {
        let hold = WaitlistHold()
        let friday = Self.at(17, day: 4)
        #expect(
            hold.expiry(from: friday, slotStart: Self.far, site: Self.site(), holidays: HolidayPolicy())
                == Self.at(12, day: 8))
        let ignoring = HolidayPolicy(observeFrenchPublicHolidays: false)
        #expect(
            hold.expiry(from: friday, slotStart: Self.far, site: Self.site(), holidays: ignoring) == Self.at(12, day: 7)
        )
    }

    @Test("never past the slot's start; a shorter hold when configured; one-off openings when the site has them")
    func bounds() {
        let policy = HolidayPolicy()
        #expect(
            WaitlistHold().expiry(from: Self.at(10), slotStart: Self.at(11), site: Self.site(), holidays: policy)
                == Self.at(11))
        let hour = WaitlistHold(openHours: .seconds(3600))
        #expect(hour.expiry(from: Self.at(10), slotStart: Self.far, site: Self.site(), holidays: policy) == Self.at(11))
        let oneOff = Self.site(openings: [UTCInterval(start: Self.at(14, day: 2), end: Self.at(20, day: 2))])
        #expect(
            WaitlistHold().expiry(from: Self.at(10), slotStart: Self.far, site: oneOff, holidays: policy)
                == Self.at(18, day: 2))
        let never = Self.site(closed: (0...70).map { Self.monday.adding(days: $0) })
        #expect(
            WaitlistHold().expiry(from: Self.at(10), slotStart: Self.far, site: never, holidays: policy) == Self.far)
    }
}
