import Foundation
import TelemedCore
import TelemedSolver
import TelemedStore

/// A region where every proposal can be booked: one town point open around the clock with a room
/// per specialist, `specialists` specialists, and one request per proposal, each proposal in its
/// own 30-minute slot of its own specialist. What is measured is then the cost of a confirmation
/// (HTTP, JSON, the store's transactional re-check, the audit entry), not of collisions.
public struct BookableLoad {
    public let bookings: Int
    public let specialists: Int

    public init(bookings: Int, specialists: Int) {
        self.bookings = bookings
        self.specialists = specialists
    }

    public static let slotsPerDay = 20
    public static let siteId: Site.ID = "T-HTTP"
    public let start = LocalDate(year: 2027, month: 1, day: 4)!

    public var days: Int {
        let slots = (bookings + specialists - 1) / specialists
        return max(1, (slots + Self.slotsPerDay - 1) / Self.slotsPerDay)
    }

    public func scenario() -> Scenario {
        let always = Weekday.allCases.map { WeeklyWindow(day: $0, start: .midnight, end: .endOfDay) }
        let site = Site(
            id: Self.siteId, kind: .townPoint, name: "Maison de santé (charge HTTP synthétique)", inseeCode: "58194",
            commune: "Nevers", address: "1 place de la Mairie", location: GeoPoint(latitude: 46.99, longitude: 3.16),
            openingHours: always, nurseHours: always, rooms: specialists)
        let doctors = (0..<specialists).map { index in
            Specialist(
                id: specialistId(index), name: "Dr Charge \(index)", rpps: String(10_000_000_000 + index),
                specialties: [.generalPractice], weeklyAvailability: always, maxSessionsPerDay: Self.slotsPerDay)
        }
        let requests = (0..<bookings).map { index in
            ConsultationRequest(
                id: requestId(index), siteId: Self.siteId, patientRef: "P-HTTP-\(index)", specialty: .generalPractice,
                mode: .live, requiredEquipment: [], durationMinutes: 30, urgency: .routine, releaseDate: start,
                consent: Consent(givenBy: .resident, recordedOn: start))
        }
        return Scenario(
            name: "HTTP confirmation load (synthetic): \(bookings) bookings, \(specialists) specialists",
            provenance: "synthetic", horizon: Horizon(start: start, end: start.adding(days: days - 1)),
            holidays: HolidayPolicy(observeFrenchPublicHolidays: false), sites: [site], specialists: doctors,
            units: [], requests: requests)
    }

    /// Proposal `index`, stored as the server stores the ones it offers. Its id is what the load
    /// generator posts; ids are `P-<index>` so a wrk script can count through them.
    public func proposal(_ index: Int, now: Date) -> StoredProposal {
        let slot = index / specialists
        let date = start.adding(days: slot / Self.slotsPerDay)
        let time = LocalTime(minutesSinceMidnight: 8 * 60 + 30 * (slot % Self.slotsPerDay))!
        let begin = WallClock.paris.instant(on: date, at: time)
        let proposal = Proposal(
            specialistId: specialistId(index % specialists), siteId: Self.siteId, start: begin,
            end: begin.addingTimeInterval(30 * 60), review: nil, host: .siteEquipment, daysLate: 0)
        return StoredProposal(
            id: "P-\(index)", requestId: requestId(index), createdAt: now, expiresAt: now.addingTimeInterval(86_400),
            proposal: proposal)
    }

    public func specialistId(_ index: Int) -> Specialist.ID { Specialist.ID("SP-HTTP-\(index)") }
    public func requestId(_ index: Int) -> ConsultationRequest.ID { ConsultationRequest.ID("R-HTTP-\(index)") }
}
