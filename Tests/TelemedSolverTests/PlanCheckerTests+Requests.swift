import Foundation
import TelemedCore
import TelemedSolver
import Testing

@Suite("Plan checker: requests, pinned facts and references")
struct PlanCheckerRequestTests {
    let fixture = PlanCheckerFixture.self

    @Test("a review more than asyncReviewDays after the capture breaks withinHorizon")
    func asyncReviewTooLate() {
        let report = fixture.check { $0.moveReview("B-2", to: "2027-05-14", "10:00") }
        #expect(report.violatedConstraints == [.withinHorizon])
        #expect(report.violations.first?.message.contains("2 days later") == true)
    }

    @Test("a consultation before the request's earliest date breaks withinHorizon")
    func beforeEarliestDate() {
        var scenario = fixture.scenario()
        scenario.requests[7].earliestDate = fixture.date("2027-05-12")  // R-8, booked on 2027-05-11
        #expect(fixture.check(fixture.validPlan(), scenario: scenario).violatedConstraints == [.withinHorizon])
    }

    @Test("a booking that does not last the requested minutes breaks withinHorizon")
    func wrongDuration() {
        let report = fixture.check { $0.updateBooking("B-5") { $0.end = fixture.at("2027-05-10 10:30") } }
        #expect(report.violatedConstraints == [.withinHorizon])
    }

    @Test("one patient in two consultations at once breaks patientNoOverlap")
    func patientNoOverlap() {
        let report = fixture.check { $0.move("B-7", to: "2027-05-11", "10:15") }
        #expect(report.violatedConstraints == [.patientNoOverlap])
        #expect(report.violations.first?.message.contains("P-1") == true)
    }

    @Test("a confirmed booking moved by half an hour breaks pinnedUnchanged")
    func pinnedBookingMoved() {
        let report = fixture.check { $0.move("B-4", to: "2027-05-10", "09:30") }
        #expect(report.violatedConstraints == [.pinnedUnchanged])
        #expect(report.violations.first?.bookingId == "B-4")
    }

    @Test("a confirmed booking left out of the plan breaks pinnedUnchanged")
    func pinnedBookingDropped() {
        let report = fixture.check { $0.bookings.removeAll { $0.id == "B-4" } }
        #expect(report.violatedConstraints == [.pinnedUnchanged])
        #expect(report.score.served == 132)
    }

    @Test("a Wednesday without the unit's recurring stop breaks pinnedUnchanged")
    func recurringStopMissing() {
        let report = fixture.check { plan in
            plan.visits.removeAll { $0.date == fixture.date("2027-05-12") }
            plan.unitDays.removeAll { $0.date == fixture.date("2027-05-12") }
            plan.bookings.removeAll { $0.id == "B-3" }
        }
        #expect(report.violatedConstraints == [.pinnedUnchanged])
        #expect(report.violations.first?.date == fixture.date("2027-05-12"))
        #expect(report.violations.first?.message.contains("T-58-0001") == true)
    }

    @Test("a recurring stop's visit that is not pinned breaks pinnedUnchanged")
    func recurringStopNotPinned() {
        let report = fixture.check { $0.visits[2].pinned = false }
        #expect(report.violatedConstraints == [.pinnedUnchanged])
    }

    @Test("a request booked twice breaks requestOnce")
    func requestBookedTwice() {
        let report = fixture.check { plan in
            var twin = plan.bookings.first { $0.id == "B-7" }!
            twin.id = "B-7b"
            plan.bookings.append(twin)
            plan.move("B-7b", to: "2027-05-10", "11:00")
            plan.moveReview("B-7b", to: "2027-05-10", "14:00")
        }
        #expect(report.violatedConstraints == [.requestOnce])
        #expect(report.score.served == 133)
    }

    @Test(
        "requestOnce counts the bookings that occupy resources: a session not held or cancelled is history",
        arguments: [BookingStatus.notHeld, .cancelled, .noShow, .done])
    func historyBesideNewBooking(_ earlier: BookingStatus) {
        let report = fixture.check { plan in
            var past = plan.bookings.first { $0.id == "B-7" }!
            past.id = "B-7-past"
            past.status = earlier
            plan.bookings.append(past)
            plan.move("B-7-past", to: "2027-05-10", "11:00")
            plan.moveReview("B-7-past", to: "2027-05-10", "14:00")
        }
        #expect(report.violatedConstraints == (earlier.occupiesResources ? [.requestOnce] : []))
    }

    @Test("a booked request also listed as unassigned breaks requestOnce")
    func bookedAndUnassigned() {
        let report = fixture.check {
            $0.unassigned.append(UnassignedRequest(requestId: "R-5", constraint: .roomFree, reason: ""))
        }
        #expect(report.violatedConstraints == [.requestOnce])
    }

    @Test("a booking with an unknown specialist breaks knownReference only")
    func unknownSpecialist() {
        let report = fixture.check { $0.updateBooking("B-5") { $0.specialistId = "S-9" } }
        #expect(report.violatedConstraints == [.knownReference])
        #expect(report.violations.first?.message.contains("S-9") == true)
    }

    @Test("a visit at an unknown site breaks knownReference")
    func unknownVisitSite() {
        let report = fixture.check {
            $0.visits.append(
                Visit(
                    unitId: "U-7", date: fixture.date("2027-05-13"),
                    siteId: "E-99-0001", arrival: fixture.at("2027-05-13 10:00"),
                    departure: fixture.at("2027-05-13 11:00"),
                    order: 1))
        }
        #expect(report.violatedConstraints == [.knownReference])
        #expect(report.violations.count == 2)
    }
}
