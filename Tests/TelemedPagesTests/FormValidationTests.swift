import Foundation
import TelemedCore
import TelemedTestSupport
import Testing

@testable import TelemedPages

@Suite("Form validation: typed values, or a French reason per refused field")
struct FormValidationTests {
    static let today = LocalDate(year: 2027, month: 3, day: 15)!

    @Test("the request form's consent: none chosen is nil, a giver needs a day no later than today")
    func consent() throws {
        var form = PageSamples.requestForm(refused: false)
        form.residentReference = "P-7F3K2Q"
        form.specialty = "dermatology"
        form.consentRecordedOn = "2027-03-15"
        #expect(try form.validated(today: Self.today).consent == nil)
        form.consentGivenBy = "representative"
        #expect(
            try form.validated(today: Self.today).consent
                == Consent(givenBy: .representative, recordedOn: Self.today))
        for (giver, day, field) in [
            ("tuteur", "2027-03-15", ConsultationRequestForm.Field.consentGivenBy),
            ("resident", "2027-03-16", .consentRecordedOn), ("resident", "15/03/2027", .consentRecordedOn),
        ] {
            form.consentGivenBy = giver
            form.consentRecordedOn = day
            do {
                _ = try form.validated(today: Self.today)
                Issue.record("\(giver) on \(day) was accepted")
            } catch {
                #expect(Set(error.messages.keys) == [field])
            }
        }
    }

    @Test("a complete request form gives typed values; empty notes become nil")
    func validRequest() throws {
        var form = PageSamples.requestForm(refused: false)
        form.residentReference = "  P-7F3K2Q "
        form.specialty = "dermatology"
        form.equipment = ["dermatoscope"]
        let submission = try form.validated(today: Self.today)
        #expect(submission.residentReference == "P-7F3K2Q" && submission.specialty == .dermatology)
        #expect(submission.mode == .async && submission.urgency == .soon && submission.equipment == [.dermatoscope])
        #expect(submission.notes == nil)
    }

    @Test(
        "a request form with a line break in the reference, no specialty and unknown equipment is refused field by field"
    )
    func refusedRequest() {
        var form = PageSamples.requestForm(refused: true)
        form.specialty = ""
        form.mode = "crew"
        form.equipment = ["dermatoscope", "<b>"]
        #expect(throws: FieldErrors<ConsultationRequestForm.Field>.self) { try form.validated(today: Self.today) }
        do {
            _ = try form.validated(today: Self.today)
        } catch {
            #expect(Set(error.messages.keys) == [.residentReference, .specialty, .mode, .equipment])
            form.errors = error.messages
            let html = StaffPage(
                model: {
                    var model = PageSamples.staff(refused: true)
                    model.request = form
                    return model
                }()
            )
            .render()
            #expect(html.contains("id=\"specialty-erreur\">Choisissez une spécialité de la liste."))
        }
    }

    static func scenario() throws -> (Scenario, CommuneCatalog) {
        let file = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/feeds/scenario.json")
        return (try ScenarioCoder.load(contentsOf: file), try CommuneCatalog.shipped(region: "27"))
    }

    static func form(_ values: [WhatIfForm.Field: String]) -> WhatIfForm {
        var form = PageSamples.whatIfForm(refused: false)
        form.values = values
        return form
    }

    @Test("moving a depot places it at the town hall of the commune typed, under the name given")
    func moveDepot() throws {
        let (scenario, catalog) = try Self.scenario()
        let submission = try Self.form([
            .variantName: "base à Clamecy", .change: "moveDepot", .unitId: "U-58", .depotCommune: "58079",
            .timeLimit: "20",
        ]).validated(scenario: scenario, catalog: catalog)
        guard case .moveDepot(let unit, let depot) = submission.change else {
            Issue.record("expected moveDepot, got \(submission.change)")
            return
        }
        #expect(unit.rawValue == "U-58" && depot.inseeCode == "58079" && depot.name == "Base de Clamecy")
        #expect(depot.location == catalog.commune("58079")?.location && submission.timeLimitSeconds == 20)
    }

    @Test("adding a unit or a specialist copies the chosen one under a fresh id (and a fresh RPPS number)")
    func additionsAreCopies() throws {
        let (scenario, catalog) = try Self.scenario()
        let unit = try Self.form([.variantName: "v", .change: "addUnit", .unitId: "U-58", .depotCommune: "58079"])
            .validated(scenario: scenario, catalog: catalog)
        guard case .addUnit(let added) = unit.change else {
            Issue.record("expected addUnit")
            return
        }
        #expect(added.id.rawValue == "U-58-bis" && added.depot.inseeCode == "58079")
        let specialist = try Self.form([.variantName: "v", .change: "addSpecialist", .specialistId: "S-01"])
            .validated(scenario: scenario, catalog: catalog)
        guard case .addSpecialist(let copy) = specialist.change else {
            Issue.record("expected addSpecialist")
            return
        }
        #expect(copy.id.rawValue == "S-01-renfort" && !scenario.specialists.map(\.rpps).contains(copy.rpps))
        #expect(FrenchCodes.isRPPSNumber(copy.rpps) && copy.specialties == scenario.specialists[0].specialties)
        #expect(WhatIfForm.freshID("U-58", taken: ["U-58", "U-58-2"]) == "U-58-3")
    }

    @Test("scaling demand reads a decimal comma; closing a site lists every date of the period")
    func scaleAndClose() throws {
        let (scenario, catalog) = try Self.scenario()
        let scale = try Self.form([
            .variantName: "v", .change: "scaleDemand", .demandFactor: "1,3", .demandSpecialty: "dermatology",
        ]).validated(scenario: scenario, catalog: catalog)
        #expect(scale.change == .scaleDemand(factor: 1.3, specialty: .dermatology, department: nil))
        let close = try Self.form([
            .variantName: "v", .change: "closeSite", .siteId: "E-58-0001", .closedFrom: "2027-03-26",
            .closedTo: "2027-03-29",
        ]).validated(scenario: scenario, catalog: catalog)
        guard case .closeSite(let site, let dates) = close.change else {
            Issue.record("expected closeSite")
            return
        }
        #expect(site.rawValue == "E-58-0001" && dates.count == 4)
    }

    @Test(
        "a what-if with no change chosen, a bad factor, an unknown commune or reversed dates is refused field by field")
    func refusals() throws {
        let (scenario, catalog) = try Self.scenario()
        func refused(_ values: [WhatIfForm.Field: String]) -> Set<WhatIfForm.Field> {
            do {
                _ = try Self.form(values).validated(scenario: scenario, catalog: catalog)
                return []
            } catch {
                return Set(error.messages.keys)
            }
        }
        #expect(refused([:]) == [.variantName, .change])
        #expect(refused([.variantName: "v", .change: "scaleDemand", .demandFactor: "-2"]) == [.demandFactor])
        #expect(
            refused([.variantName: "v", .change: "moveDepot", .unitId: "U-58", .depotCommune: "75056"]) == [
                .depotCommune
            ])
        #expect(
            refused([.variantName: "v", .change: "removeUnit", .unitId: "U-99", .timeLimit: "0"]) == [
                .unitId, .timeLimit,
            ])
        #expect(
            refused([
                .variantName: "v", .change: "closeSite", .siteId: "E-58-0001", .closedFrom: "2027-03-29",
                .closedTo: "2027-03-26",
            ]) == [.closedTo])
    }
}
