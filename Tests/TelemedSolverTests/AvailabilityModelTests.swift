import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// Week of 2027-05-03 (Monday), summer time throughout: day `d` is `[1440·d, 1440·(d+1))` and a
/// local time `t` on it is minute `1440·d + t`. Thursday 2027-05-06 is Ascension (Easter 2027 is
/// 28 March); Saturday 8 May is Victoire 1945.
@Suite("AvailabilityModel turns opening hours, holidays and exceptions into minute sets")
struct AvailabilityModelTests {
    typealias F = Fixtures
    typealias I = TickInterval

    static let mondayOpen: [I] = [I(540, 720), I(840, 1020)]

    func ascensionWeek(
        holidays: HolidayPolicy = HolidayPolicy(), sites: [Site] = [], units: [MobileUnit] = []
    ) -> AvailabilityModel {
        AvailabilityModel(
            F.scenario(from: "2027-05-03", through: "2027-05-09", holidays: holidays, sites: sites, units: units))
    }

    func minutes(_ set: IntervalSet, on day: Int, of model: AvailabilityModel) -> IntervalSet {
        set.intersection(IntervalSet(model.timeline.dayRange(ofDay: day)))
    }

    @Test("a site is closed on Ascension unless it opens on public holidays")
    func siteClosedOnPublicHoliday() {
        let model = ascensionWeek(sites: [F.site("A"), F.site("B", openOnPublicHolidays: true)])
        #expect(model.publicHolidays.map(\.name) == ["Ascension", "Victoire 1945"])
        #expect(model.isPublicHoliday == [false, false, false, true, false, true, false])
        #expect(Array(model.open[0].pieces.prefix(2)) == Self.mondayOpen)
        #expect(minutes(model.open[0], on: 3, of: model).isEmpty)
        #expect(model.open[0].totalTicks == 4 * 360)
        #expect(minutes(model.open[1], on: 3, of: model).pieces == [I(4860, 5040), I(5160, 5340)])
        #expect(model.open[1].totalTicks == 5 * 360)
    }

    @Test("holidays close nothing when the scenario does not observe them")
    func holidaysNotObserved() {
        let model = ascensionWeek(holidays: HolidayPolicy(observeFrenchPublicHolidays: false), sites: [F.site("A")])
        #expect(model.publicHolidays.isEmpty)
        #expect(model.open[0].totalTicks == 5 * 360)
    }

    @Test("Good Friday closes sites only under Alsace-Moselle law")
    func alsaceMoselle() {
        func openMinutes(alsaceMoselle: Bool) -> Int {
            AvailabilityModel(
                F.scenario(
                    from: "2027-03-22", through: "2027-03-26",
                    holidays: HolidayPolicy(alsaceMoselle: alsaceMoselle), sites: [F.site("A")])
            ).open[0].totalTicks
        }
        #expect(openMinutes(alsaceMoselle: false) == 5 * 360)
        #expect(openMinutes(alsaceMoselle: true) == 4 * 360)
    }

    @Test("a site's closed dates remove the whole day")
    func closedDates() {
        let model = ascensionWeek(sites: [F.site("C", closedDates: ["2027-05-04", "2027-06-01"])])
        #expect(minutes(model.open[0], on: 1, of: model).isEmpty)
        #expect(model.open[0].totalTicks == 3 * 360)
    }

    @Test("nurse hours count only while the site is open")
    func nurseHoursClippedToOpening() {
        let nurse = [
            F.window(.monday, "08:00", "10:00"), F.window(.monday, "11:30", "13:00"),
            F.window(.thursday, "09:00", "12:00"), F.window(.saturday, "09:00", "12:00"),
        ]
        let model = ascensionWeek(sites: [F.site("D", nurse: nurse)])
        #expect(model.nursePresent[0].pieces == [I(540, 600), I(690, 720)])
    }

    @Test("a unit has no shift on a non-operating day, on a holiday or on an unavailable date")
    func unitShifts() {
        let unit = F.unit(
            "U-01", operatingDays: [.monday, .wednesday, .thursday, .friday], unavailable: ["2027-05-07"])
        let model = ascensionWeek(units: [unit])
        #expect(model.shift(unit: 0, day: 0) == I(480, 1020))
        #expect(model.shift(unit: 0, day: 1) == nil)
        #expect(model.shift(unit: 0, day: 2) == I(2 * 1440 + 480, 2 * 1440 + 1020))
        #expect(model.shift(unit: 0, day: 3) == nil)
        #expect(model.shift(unit: 0, day: 4) == nil)
        let unobserved = ascensionWeek(holidays: HolidayPolicy(observeFrenchPublicHolidays: false), units: [unit])
        #expect(unobserved.shift(unit: 0, day: 3) == I(3 * 1440 + 480, 3 * 1440 + 1020))
    }

    @Test("ids map to the positions of the scenario's arrays, the first of a repeated id winning")
    func scenarioIndex() {
        let scenario = F.scenario(
            from: "2027-05-03", through: "2027-05-09", sites: [F.site("A"), F.site("B"), F.site("A")],
            specialists: [F.specialist("S-1")], units: [F.unit("U-01", operatingDays: [.monday])])
        let index = ScenarioIndex(scenario)
        #expect(index.sites == ["A": 0, "B": 1])
        #expect(index.specialists == ["S-1": 0])
        #expect(index.units == ["U-01": 0])
        #expect(index.requests.isEmpty)
    }
}
