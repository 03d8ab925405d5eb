import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// Fortnight of 2027-01-04 (Monday), winter time: the origin is 2027-01-03T23:00Z, day `d` is
/// `[1440·d, 1440·(d+1))`, and a specialist works 09:00–17:00 Monday to Friday (480 minutes a day).
@Suite("Specialist availability is the weekly pattern edited by exceptions")
struct SpecialistAvailabilityTests {
    typealias F = Fixtures
    typealias I = TickInterval

    func available(
        from start: String = "2027-01-04", through end: String = "2027-01-17",
        holidays: HolidayPolicy = HolidayPolicy(), _ exceptions: [AvailabilityException]
    ) -> IntervalSet {
        let scenario = F.scenario(
            from: start, through: end, holidays: holidays, specialists: [F.specialist("S-1", exceptions: exceptions)])
        return AvailabilityModel(scenario).available[0]
    }

    /// An exception between two UTC instants, each written `("2027-01-10", "23:00")`.
    func exception(
        _ kind: AvailabilityException.Kind, _ start: (String, String), _ end: (String, String), seconds: Int = 0
    ) -> AvailabilityException {
        AvailabilityException(
            kind: kind, start: F.utc(start.0, start.1, seconds: seconds), end: F.utc(end.0, end.1, seconds: seconds))
    }

    @Test("a week of time off removes that week and an extra Saturday slot is added")
    func weekOffAndExtraSlot() {
        let set = available([
            exception(.unavailable, ("2027-01-10", "23:00"), ("2027-01-15", "23:00")),
            exception(.available, ("2027-01-09", "09:00"), ("2027-01-09", "11:00")),
        ])
        #expect(set.totalTicks == 5 * 480 + 120)
        #expect(set.contains(I(5 * 1440 + 600, 5 * 1440 + 720)))
        #expect(!set.contains(I(8 * 1440 + 600, 8 * 1440 + 630)))
        #expect(set.pieces.last == I(7800, 7920))
    }

    @Test("time off with seconds is widened to whole minutes and an extra slot narrowed")
    func roundingNeverCreatesAvailability() {
        let set = available([
            exception(.unavailable, ("2027-01-05", "08:00"), ("2027-01-05", "09:00"), seconds: 30),
            exception(.available, ("2027-01-09", "09:00"), ("2027-01-09", "10:00"), seconds: 30),
        ])
        #expect(set.piece(containing: 2100) == I(2041, 2460))
        #expect(!set.contains(tick: 2040))
        #expect(set.piece(containing: 7830) == I(7801, 7860))
    }

    @Test("a public holiday removes weekly availability but an explicit slot on it stays")
    func holidaysAndSpecialists() {
        let slot = exception(.available, ("2027-01-01", "09:00"), ("2027-01-01", "11:00"))
        let newYear = available(from: "2026-12-28", through: "2027-01-03", [])
        #expect(newYear.totalTicks == 4 * 480)
        let withSlot = available(from: "2026-12-28", through: "2027-01-03", [slot])
        #expect(withSlot.pieces.last == I(4 * 1440 + 600, 4 * 1440 + 720))
        let unobserved = available(
            from: "2026-12-28", through: "2027-01-03", holidays: HolidayPolicy(observeFrenchPublicHolidays: false), [])
        #expect(unobserved.totalTicks == 5 * 480)
    }

    @Test("exceptions outside the horizon are clipped away")
    func clippedToHorizon() {
        let set = available([
            exception(.available, ("2027-01-03", "20:00"), ("2027-01-04", "01:00")),
            exception(.available, ("2027-01-17", "22:00"), ("2027-01-18", "08:00")),
        ])
        #expect(set.pieces.first == I(0, 120))
        #expect(set.pieces.last == I(14 * 1440 - 60, 14 * 1440))
    }
}
