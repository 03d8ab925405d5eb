import Foundation
import TelemedCore
import TelemedSolver
import Testing

/// French public holidays close sites, units and weekly availability (unless a site opens on
/// them or the scenario does not observe them): in each case, ignoring the holiday would let the
/// solver serve the request a day earlier. Thursday 2027-05-06 is Ascension (summer time, UTC+2).
@Suite("Solver closes sites and units on public holidays")
struct SolverConstraintHolidayTests {
    typealias B = SolverConstraintBuilder

    static let ascension = "2027-05-06"
    static let friday = "2027-05-07"

    /// Weekly Friday availability plus an explicit extra slot on Ascension Thursday (it wins).
    static func specialist(_ specialties: [Specialty] = [.dermatology]) -> Specialist {
        B.specialist(
            "SP-01", specialties, available: B.windows([.friday], "09:00", "17:00"),
            exceptions: [B.exception(.available, ascension, "09:00", "17:00")])
    }

    static func solve(
        site: Site, specialist: Specialist, units: [MobileUnit] = [], needs: [Equipment] = [], observe: Bool
    ) throws -> SolverConstraintOutcome {
        let scenario = B.scenario(
            from: ascension, through: friday, sites: [site], specialists: [specialist], units: units,
            requests: [
                B.request(
                    "R-1", at: site.id.rawValue, .urgent, specialty: specialist.specialties[0], needs: needs,
                    released: ascension)
            ],
            holidays: HolidayPolicy(observeFrenchPublicHolidays: observe))
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        return outcome
    }

    @Test(
        "holidays: an EHPAD is closed on Ascension unless it opens on holidays or holidays are not observed",
        arguments: [(true, false, friday), (true, true, ascension), (false, false, ascension)])
    func siteClosed(observe: Bool, openOnHolidays: Bool, expected: String) throws {
        let site = B.site("E-58-0001", in: .clamecy, openOnPublicHolidays: openOnHolidays)
        let outcome = try Self.solve(site: site, specialist: Self.specialist(), observe: observe)
        #expect(outcome.day("R-1") == expected)
    }

    @Test(
        "holidays: a unit does not run on Ascension, even to a site that opens on holidays",
        arguments: [(true, friday), (false, ascension)])
    func unitOff(observe: Bool, expected: String) throws {
        let site = B.site("E-58-0001", in: .lormes, openOnPublicHolidays: true)
        let outcome = try Self.solve(
            site: site, specialist: Self.specialist([.cardiology]), units: [B.unit()], needs: [.ecg], observe: observe)
        #expect(outcome.day("R-1") == expected)
        #expect(outcome.host("R-1") == .unitVisit("U-01"))
    }

    @Test(
        "holidays: weekly availability does not run on Ascension, so a site open that day still waits",
        arguments: [(true, friday), (false, ascension)])
    func weeklyAvailabilityOff(observe: Bool, expected: String) throws {
        let site = B.site("E-58-0001", in: .clamecy, openOnPublicHolidays: true)
        let specialist = B.specialist("SP-01", available: B.windows([.thursday, .friday], "09:00", "17:00"))
        let outcome = try Self.solve(site: site, specialist: specialist, observe: observe)
        #expect(outcome.day("R-1") == expected)
    }

    @Test(
        "holidays: with Alsace-Moselle extras, Good Friday 2027-03-26 closes the site and Easter Monday follows",
        arguments: [(true, "2027-03-30"), (false, "2027-03-26")])
    func alsaceMoselle(extras: Bool, expected: String) throws {
        let scenario = B.scenario(
            from: "2027-03-26", through: "2027-03-30", sites: [B.site("E-58-0001", in: .clamecy)],
            specialists: [B.specialist("SP-01")],
            requests: [B.request("R-1", at: "E-58-0001", .urgent, released: "2027-03-26")],
            holidays: HolidayPolicy(observeFrenchPublicHolidays: true, alsaceMoselle: extras))
        let outcome = try B.solve(scenario)
        #expect(outcome.served == ["R-1"])
        #expect(outcome.day("R-1") == expected)
    }
}
