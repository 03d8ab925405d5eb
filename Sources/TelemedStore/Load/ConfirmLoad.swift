import Foundation
import TelemedCore

/// A synthetic confirmation load for tests, the hidden `telemed db confirm-load` and the store
/// benchmark: `writers` writers each propose and confirm one booking per collision group, all of a
/// group at the same time with the same specialist, so exactly one per group can win.
///
/// ```swift
/// let load = ConfirmLoad(groups: 100, writers: 4)
/// try database.importScenario(load.scenario(), actor: "load")
/// let result = try load.run(store: DatabaseBookingStore(database), writer: 0) { id, committed in }
/// ```
public struct ConfirmLoad: Sendable {
    public let groups: Int
    public let writers: Int

    /// Groups per day: 30-minute slots from 08:00 to 18:00.
    public static let slotsPerDay = 20
    public static let specialistId: Specialist.ID = "SP-LOAD"
    public static let siteId: Site.ID = "T-LOAD"

    public init(groups: Int, writers: Int) {
        self.groups = max(1, groups)
        self.writers = max(1, writers)
    }

    var start: LocalDate { LocalDate(year: 2027, month: 1, day: 4)! }

    /// One site open around the clock with a room per writer, one specialist available around the
    /// clock (daily maximum twice the slots, so the only collision is the shared slot), one request
    /// (and patient) per group and writer; holidays not observed.
    public func scenario() -> Scenario {
        let days = (groups + Self.slotsPerDay - 1) / Self.slotsPerDay
        let always = Weekday.allCases.map { WeeklyWindow(day: $0, start: .midnight, end: .endOfDay) }
        let site = Site(
            id: Self.siteId, kind: .townPoint, name: "Maison de santé (charge synthétique)", inseeCode: "58194",
            commune: "Nevers", address: "1 place de la Mairie", location: GeoPoint(latitude: 46.99, longitude: 3.16),
            openingHours: always, nurseHours: always, rooms: writers)
        let specialist = Specialist(
            id: Self.specialistId, name: "Dr Charge", rpps: "10000000001", specialties: [.generalPractice],
            weeklyAvailability: always, maxSessionsPerDay: 2 * Self.slotsPerDay)
        var requests: [ConsultationRequest] = []
        for group in 0..<groups {
            for writer in 0..<writers {
                requests.append(
                    ConsultationRequest(
                        id: requestId(group: group, writer: writer), siteId: Self.siteId,
                        patientRef: "P-\(group)-\(writer)", specialty: .generalPractice, mode: .live,
                        requiredEquipment: [], durationMinutes: 30, urgency: .routine, releaseDate: start,
                        consent: Consent(givenBy: .resident, recordedOn: start)))
            }
        }
        return Scenario(
            name: "Confirmation load (synthetic): \(groups) groups × \(writers) writers",
            provenance: "synthetic", horizon: Horizon(start: start, end: start.adding(days: max(1, days) - 1)),
            holidays: HolidayPolicy(observeFrenchPublicHolidays: false), sites: [site], specialists: [specialist],
            units: [], requests: requests)
    }

    func requestId(group: Int, writer: Int) -> ConsultationRequest.ID { ConsultationRequest.ID("R-\(group)-\(writer)") }

    /// Writer `writer`'s booking for `group`: the group's slot with the load's specialist.
    public func booking(group: Int, writer: Int) -> Booking {
        let date = start.adding(days: group / Self.slotsPerDay)
        let time = LocalTime(minutesSinceMidnight: 8 * 60 + 30 * (group % Self.slotsPerDay))!
        let begin = WallClock.paris.instant(on: date, at: time)
        return Booking(
            id: Booking.ID("B-\(group)-\(writer)"), requestId: requestId(group: group, writer: writer),
            specialistId: Self.specialistId, siteId: Self.siteId, start: begin,
            end: begin.addingTimeInterval(30 * 60), host: .siteEquipment, status: .proposed)
    }

    /// Proposes then confirms writer `writer`'s booking of every group in order, calling `report`
    /// after each confirmation with whether it was committed. Returns (committed, conflicts).
    @discardableResult
    public func run(
        store: any BookingStore, writer: Int, groups range: Range<Int>? = nil,
        report: (Booking.ID, Bool) -> Void = { _, _ in }
    ) throws -> (committed: Int, conflicts: Int) {
        var (committed, conflicts) = (0, 0)
        for group in range ?? 0..<groups {
            let booking = booking(group: group, writer: writer)
            try store.propose(booking, actor: "load:\(writer)")
            let outcome = try store.confirm(booking.id, expectedVersion: 1, route: nil, actor: "load:\(writer)")
            if outcome.value != nil { committed += 1 } else { conflicts += 1 }
            report(booking.id, outcome.value != nil)
        }
        return (committed, conflicts)
    }
}
