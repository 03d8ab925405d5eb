import Foundation
import TelemedCore
import TelemedSolver
import Testing

@Suite("Plan checker: specialists and sites")
struct PlanCheckerResourceTests {
    let fixture = PlanCheckerFixture.self

    @Test("a cardiology consultation given to a dermatologist breaks specialtyMatch")
    func specialtyMatch() {
        let report = fixture.check { $0.updateBooking("B-3") { $0.specialistId = "S-1" } }
        #expect(report.violatedConstraints == [.specialtyMatch])
        #expect(report.violations.first?.bookingId == "B-3")
    }

    @Test("a review inside the specialist's time off breaks specialistAvailable")
    func specialistAvailable() {
        let report = fixture.check { $0.moveReview("B-7", to: "2027-05-11", "16:00") }
        #expect(report.violatedConstraints == [.specialistAvailable])
        #expect(report.violations.first?.message.contains("2027-05-11 16:00–16:15") == true)
    }

    @Test("a specialist's extra slot opens availability outside the weekly hours, and only there")
    func availableExceptionAddsTime() {
        func reviewByCardiologist(at time: String) -> PlanCheckReport {
            fixture.check { plan in
                plan.updateBooking("B-7") { $0.specialistId = "S-2" }
                plan.move("B-7", to: "2027-05-12", "11:00")
                plan.moveReview("B-7", to: "2027-05-13", time)
            }
        }
        #expect(reviewByCardiologist(at: "14:30").violatedConstraints == [])
        #expect(reviewByCardiologist(at: "15:50").violatedConstraints == [.specialistAvailable])
    }

    @Test("two reviews of one specialist at once break specialistNoOverlap")
    func specialistNoOverlap() {
        let report = fixture.check { $0.moveReview("B-7", to: "2027-05-13", "09:10") }
        #expect(report.violatedConstraints == [.specialistNoOverlap])
        #expect(report.violations.count == 1)
    }

    @Test("a second session on a day capped at one breaks specialistDailyMax")
    func specialistDailyMax() {
        let report = fixture.check { $0.move("B-5", to: "2027-05-11", "09:00") }
        #expect(report.violatedConstraints == [.specialistDailyMax])
        #expect(report.violations.first?.date == fixture.date("2027-05-11"))
    }

    @Test("a capture after closing time breaks siteOpen")
    func siteOpen() {
        let report = fixture.check { $0.move("B-2", to: "2027-05-12", "17:00") }
        #expect(report.violatedConstraints == [.siteOpen])
    }

    @Test("a booking placed at another site than its request's breaks siteOpen")
    func siteOpenWrongSite() {
        let report = fixture.check { $0.updateBooking("B-5") { $0.siteId = "E-21-0001" } }
        #expect(report.violatedConstraints == [.siteOpen])
    }

    @Test("two consultations at once in a one-room site break roomFree")
    func roomFree() {
        let report = fixture.check { $0.move("B-5", to: "2027-05-10", "09:10") }
        #expect(report.violatedConstraints == [.roomFree])
        #expect(report.violations.first?.bookingId == "B-5")
    }

    @Test("two consultations at once on one unit break roomFree")
    func roomFreeOnUnit() {
        let report = fixture.check { plan in
            plan.updateBooking("B-7") { $0.host = .unitVisit("U-1") }
            plan.move("B-7", to: "2027-05-11", "10:15")
        }
        #expect(report.violatedConstraints.contains(.roomFree))
        #expect(report.violations(of: .roomFree).first?.unitId == "U-1")
    }

    @Test("a live consultation hosted by a site without a nurse breaks nursePresent")
    func nursePresent() {
        let report = fixture.check { $0.updateBooking("B-8") { $0.host = .siteEquipment } }
        #expect(report.violatedConstraints == [.nursePresent])
    }

    @Test("an ECG found only on the unit breaks equipmentAvailable when the site hosts")
    func equipmentAvailable() {
        let report = fixture.check { $0.updateBooking("B-1") { $0.host = .siteEquipment } }
        #expect(report.violatedConstraints == [.equipmentAvailable])
        #expect(report.violations.first?.message.contains("ecg") == true)
    }

    @Test("a booking on Ascension Day closes the site, the nurse and the specialist")
    func publicHoliday() {
        #expect(FrenchPublicHolidays.isHoliday(fixture.date("2027-05-06")))
        let report = fixture.check { $0.move("B-5", to: "2027-05-06", "10:00") }
        #expect(report.violatedConstraints == [.siteOpen, .nursePresent, .specialistAvailable])
        #expect(
            report.violations(of: .siteOpen).first?.message.contains(
                "2027-05-06 10:00–10:20 is outside the site's opening hours (a public holiday)") == true)
    }
}
