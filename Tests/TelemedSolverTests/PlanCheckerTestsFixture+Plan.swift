import Foundation
import TelemedCore
import TelemedSolver

extension PlanCheckerFixture {
    /// Served 133 (urgent 100 + soon 3 × 10 + routine 3 × 1); soft 35.34: lateness 4 (R-2 two
    /// days late, soon), travel 5.34 (106.8 min × 0.05), continuity 1 (R-5 not with S-1),
    /// fairness 25 (Nièvre 100 %, Côte-d'Or 50 %: 0.5 × 50).
    static func validPlan() -> Plan {
        func booking(
            _ id: Booking.ID, _ request: ConsultationRequest.ID, _ specialist: Specialist.ID, _ site: Site.ID,
            _ interval: UTCInterval, review: UTCInterval? = nil, host: BookingHost = .siteEquipment
        ) -> Booking {
            Booking(
                id: id, requestId: request, specialistId: specialist, siteId: site, start: interval.start,
                end: interval.end, review: review, host: host, status: .proposed)
        }
        func visit(_ site: Site.ID, _ interval: UTCInterval, order: Int, pinned: Bool = false) -> Visit {
            Visit(
                unitId: "U-1", date: clock.localDate(of: interval.start), siteId: site, arrival: interval.start,
                departure: interval.end, order: order, pinned: pinned)
        }
        let tuesday = "2027-05-11"
        let wednesday = "2027-05-12"
        return Plan(
            bookings: [
                booking("B-1", "R-1", "S-2", "E-58-0001", span(tuesday, "10:00", "10:30"), host: .unitVisit("U-1")),
                booking(
                    "B-2", "R-2", "S-1", "E-21-0001", span(wednesday, "09:00", "09:20"),
                    review: span("2027-05-13", "09:00", "09:20")),
                booking("B-3", "R-3", "S-2", "T-58-0001", span(wednesday, "10:00", "10:30"), host: .unitVisit("U-1")),
                pinnedBooking,
                booking("B-5", "R-5", "S-2", "E-58-0001", span("2027-05-10", "10:00", "10:20")),
                booking(
                    "B-7", "R-7", "S-1", "E-58-0001", span(tuesday, "11:00", "11:15"),
                    review: span(tuesday, "14:00", "14:15")),
                booking("B-8", "R-8", "S-1", "T-58-0001", span(tuesday, "13:00", "13:30"), host: .unitVisit("U-1")),
            ],
            visits: [
                visit("E-58-0001", span(tuesday, "09:00", "11:00"), order: 1),
                visit("T-58-0001", span(tuesday, "11:30", "15:00"), order: 2),
                visit("T-58-0001", span(wednesday, "09:30", "12:00"), order: 1, pinned: true),
            ],
            unitDays: [
                UnitDay(
                    unitId: "U-1", date: date(tuesday), leavesDepot: at("\(tuesday) 08:30"),
                    returnsDepot: at("\(tuesday) 15:30"), lunch: span(tuesday, "12:00", "12:45"),
                    drivingMinutes: 69.8, kilometres: 58),
                UnitDay(
                    unitId: "U-1", date: date(wednesday), leavesDepot: at("\(wednesday) 09:00"),
                    returnsDepot: at("\(wednesday) 12:30"), lunch: span(wednesday, "12:30", "13:15"),
                    drivingMinutes: 37, kilometres: 30),
            ],
            unassigned: [
                UnassignedRequest(
                    requestId: "R-6", constraint: .specialistDailyMax,
                    reason: "S-1, the only dermatologist, is fully booked from 2027-05-12")
            ],
            score: PlanScore(hard: 0, served: 133, soft: 35.34))
    }

    static func check(_ plan: Plan, scenario: Scenario = scenario()) -> PlanCheckReport {
        PlanChecker(scenario: scenario, travel: travel()).check(plan)
    }

    /// The valid plan with one change planted, checked against the fixture scenario.
    static func check(changing change: (inout PlanCheckerEdit) -> Void) -> PlanCheckReport {
        var edit = PlanCheckerEdit(plan: validPlan())
        change(&edit)
        return check(edit.plan)
    }
}

/// A plan being changed by a test: reads and writes the plan's properties, plus a few edits.
@dynamicMemberLookup
struct PlanCheckerEdit {
    var plan: Plan

    subscript<Value>(dynamicMember keyPath: WritableKeyPath<Plan, Value>) -> Value {
        get { plan[keyPath: keyPath] }
        set { plan[keyPath: keyPath] = newValue }
    }

    mutating func updateBooking(_ id: Booking.ID, _ change: (inout Booking) -> Void) {
        let index = plan.bookings.firstIndex { $0.id == id }!
        change(&plan.bookings[index])
    }

    /// Moves a booking's site interval to `day` at `time`, keeping its length.
    mutating func move(_ id: Booking.ID, to day: String, _ time: String) {
        updateBooking(id) { booking in
            let length = booking.end.timeIntervalSince(booking.start)
            booking.start = PlanCheckerFixture.at("\(day) \(time)")
            booking.end = booking.start.addingTimeInterval(length)
        }
    }

    /// Moves an async booking's review to `day` at `time`, keeping its length.
    mutating func moveReview(_ id: Booking.ID, to day: String, _ time: String) {
        updateBooking(id) { booking in
            let start = PlanCheckerFixture.at("\(day) \(time)")
            booking.review = UTCInterval(start: start, end: start.addingTimeInterval(booking.review!.duration))
        }
    }

    mutating func updateUnitDay(_ day: String, _ change: (inout UnitDay) -> Void) {
        let index = plan.unitDays.firstIndex { $0.date == PlanCheckerFixture.date(day) }!
        change(&plan.unitDays[index])
    }
}
