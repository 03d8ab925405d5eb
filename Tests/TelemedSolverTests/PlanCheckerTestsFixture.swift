import Foundation
import TelemedCore
import TelemedSolver

/// A small hand-built week pair (Mon 2027-05-03 – Fri 2027-05-14, Ascension on Thu 05-06) and a
/// valid plan for it, worked out by hand. Times are Paris local (summer time, UTC+2).
///
/// - Sites: E-58-0001 (Nièvre, 1 room, video cart, nurse mornings only), T-58-0001 (Nièvre town
///   point, video cart, never a nurse), E-21-0001 (Côte-d'Or, 2 rooms, dermatoscope, nurse all day).
/// - S-1 dermatology/wound care/general practice, 09–17, at most 2 a day, off Tue 05-11 16–17;
///   S-2 cardiology/general practice, 09–12, at most 1 a day, extra slot Thu 05-13 14–16.
/// - U-1: ECG and video cart, 08:00–17:30, lunch 45 min in 12:00–14:00, 15 min set-up, 120 min
///   driving, 2 consultations a day, recurring Wednesday stop at T-58-0001 09:30–12:00, off 05-05.
enum PlanCheckerFixture {
    static let clock = WallClock.paris

    /// `"2027-05-11 10:00"` (Paris) as a UTC instant.
    static func at(_ text: String) -> Date {
        let parts = text.split(separator: " ").map(String.init)
        return clock.instant(on: try! LocalDate(parts[0]), at: try! LocalTime(parts[1]))
    }

    /// `span("2027-05-11", "10:00", "10:30")`.
    static func span(_ day: String, _ start: String, _ end: String) -> UTCInterval {
        UTCInterval(start: at("\(day) \(start)"), end: at("\(day) \(end)"))
    }

    static func date(_ text: String) -> LocalDate { try! LocalDate(text) }

    static func weekdays(_ ranges: (String, String)...) -> [WeeklyWindow] {
        Weekday.workingDays.flatMap { day in
            ranges.map { WeeklyWindow(day: day, start: try! LocalTime($0.0), end: try! LocalTime($0.1)) }
        }
    }

    static let travelCSV = """
        from,to,minutes,kilometres
        depot:U-1,E-58-0001,29.2,24
        depot:U-1,T-58-0001,18.5,15
        E-58-0001,T-58-0001,22.1,19
        depot:U-1,E-21-0001,200,180
        E-58-0001,E-21-0001,190,170
        T-58-0001,E-21-0001,195,175
        """

    static func travel() -> any TravelModel { try! MatrixTravelModel(csv: travelCSV, symmetric: true) }

    static func site(
        _ id: Site.ID, insee: String, rooms: Int = 1, equipment: [Equipment], open: [WeeklyWindow],
        nurse: [WeeklyWindow]
    ) -> Site {
        Site(
            id: id, kind: id.rawValue.hasPrefix("T") ? .townPoint : .ehpad, name: "Site \(id)", inseeCode: insee,
            commune: "Commune \(insee)", address: "1 place de la Mairie",
            location: GeoPoint(latitude: 47, longitude: 3.2), openingHours: open, nurseHours: nurse, rooms: rooms,
            equipment: equipment)
    }

    static func request(
        _ id: ConsultationRequest.ID, at site: Site.ID, patient: String, _ specialty: Specialty,
        _ mode: ConsultationMode, needs equipment: [Equipment] = [], minutes: Int, _ urgency: Urgency,
        released: String, earliest: String? = nil, preferred: Specialist.ID? = nil
    ) -> ConsultationRequest {
        ConsultationRequest(
            id: id, siteId: site, patientRef: patient, specialty: specialty, mode: mode,
            requiredEquipment: equipment, durationMinutes: minutes, urgency: urgency, releaseDate: date(released),
            earliestDate: earliest.map(date), preferredSpecialistId: preferred)
    }

    static let pinnedBooking = Booking(
        id: "B-4", requestId: "R-4", specialistId: "S-1", siteId: "E-58-0001", start: at("2027-05-10 09:00"),
        end: at("2027-05-10 09:30"), host: .siteEquipment, status: .confirmed, version: 2)

    static func scenario() -> Scenario {
        let unit = MobileUnit(
            id: "U-1", name: "Unité mobile du Nivernais", crew: .nurse,
            depot: Depot(name: "CH Nevers", inseeCode: "58194", location: GeoPoint(latitude: 46.99, longitude: 3.16)),
            equipment: [.videoCart, .ecg], operatingDays: Weekday.workingDays,
            shift: TimeOfDayWindow(start: try! LocalTime("08:00"), end: try! LocalTime("17:30")),
            lunchBreak: LunchBreak(
                earliestStart: try! LocalTime("12:00"), latestEnd: try! LocalTime("14:00"), minutes: 45),
            setupMinutes: 15, maxDrivingMinutesPerDay: 120, capacityPerDay: 2,
            recurringStops: [
                RecurringStop(
                    day: .wednesday, siteId: "T-58-0001", arrival: try! LocalTime("09:30"),
                    departure: try! LocalTime("12:00"))
            ],
            unavailableDates: [date("2027-05-05")])
        return Scenario(
            name: "plan checker fixture", horizon: Horizon(start: date("2027-05-03"), end: date("2027-05-14")),
            asyncReviewDays: 2, travel: .matrix(matrixFile: "unused.csv", symmetric: true),
            sites: [
                site(
                    "E-58-0001", insee: "58194", equipment: [.videoCart],
                    open: weekdays(("09:00", "12:00"), ("13:30", "17:30")), nurse: weekdays(("09:00", "12:00"))),
                site(
                    "T-58-0001", insee: "58086", equipment: [.videoCart], open: weekdays(("09:00", "17:00")), nurse: []),
                site(
                    "E-21-0001", insee: "21027", rooms: 2, equipment: [.videoCart, .dermatoscope],
                    open: weekdays(("09:00", "17:00")), nurse: weekdays(("09:00", "17:00"))),
            ],
            specialists: [
                Specialist(
                    id: "S-1", name: "Dr A", rpps: "10000000001",
                    specialties: [.dermatology, .woundCare, .generalPractice],
                    weeklyAvailability: weekdays(("09:00", "17:00")),
                    exceptions: [
                        AvailabilityException(
                            kind: .unavailable, start: at("2027-05-11 16:00"), end: at("2027-05-11 17:00"))
                    ],
                    maxSessionsPerDay: 2),
                Specialist(
                    id: "S-2", name: "Dr B", rpps: "10000000002", specialties: [.cardiology, .generalPractice],
                    weeklyAvailability: weekdays(("09:00", "12:00")),
                    exceptions: [
                        AvailabilityException(
                            kind: .available, start: at("2027-05-13 14:00"), end: at("2027-05-13 16:00"))
                    ],
                    maxSessionsPerDay: 1),
            ],
            units: [unit],
            requests: [
                request(
                    "R-1", at: "E-58-0001", patient: "P-1", .cardiology, .live, needs: [.ecg], minutes: 30, .urgent,
                    released: "2027-05-10"),
                request(
                    "R-2", at: "E-21-0001", patient: "P-2", .dermatology, .async, needs: [.dermatoscope], minutes: 20,
                    .soon, released: "2027-05-03", preferred: "S-1"),
                request(
                    "R-3", at: "T-58-0001", patient: "P-3", .cardiology, .live, needs: [.ecg], minutes: 30, .soon,
                    released: "2027-05-07", earliest: "2027-05-10", preferred: "S-2"),
                request(
                    "R-4", at: "E-58-0001", patient: "P-4", .woundCare, .live, needs: [.videoCart], minutes: 30,
                    .routine, released: "2027-05-03"),
                request(
                    "R-5", at: "E-58-0001", patient: "P-5", .generalPractice, .live, minutes: 20, .routine,
                    released: "2027-05-03", preferred: "S-1"),
                request(
                    "R-6", at: "E-21-0001", patient: "P-6", .dermatology, .live, needs: [.videoCart], minutes: 30,
                    .urgent, released: "2027-05-12"),
                request(
                    "R-7", at: "E-58-0001", patient: "P-1", .generalPractice, .async, minutes: 15, .routine,
                    released: "2027-05-03"),
                request(
                    "R-8", at: "T-58-0001", patient: "P-8", .woundCare, .live, needs: [.videoCart], minutes: 30,
                    .soon, released: "2027-05-10"),
            ],
            bookings: [pinnedBooking])
    }
}
