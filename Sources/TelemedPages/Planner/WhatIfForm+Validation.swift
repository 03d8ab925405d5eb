import Foundation
import TelemedCore

extension WhatIfForm {
    /// A valid what-if: the variant to solve beside the plan in force.
    public struct Submission: Sendable {
        public var variantName: String
        public var change: WhatIfChange
        public var timeLimitSeconds: Double
    }

    public static let defaultTimeLimitSeconds = 10.0
    public static let timeLimitRange = 1.0...300.0
    public static let demandFactorRange = 0.1...5.0
    /// A site closed for longer is a different study (remove it from the scenario).
    public static let maxClosedDays = 92

    /// The change the form describes against `scenario`, or every refused field with its reason.
    /// "Add" copies the chosen unit (to the new base) or specialist (same hours) under a fresh id.
    public func validated(scenario: Scenario, catalog: CommuneCatalog) throws(FieldErrors<Field>) -> Submission {
        var errors: [Field: String] = [:]
        let name = text(.variantName)
        if name.isEmpty || name.count > 80 {
            errors[.variantName] = "Donnez un nom à la variante (80 caractères au plus)."
        }
        var timeLimit = Self.defaultTimeLimitSeconds
        if !text(.timeLimit).isEmpty {
            if let seconds = number(.timeLimit), Self.timeLimitRange.contains(seconds) {
                timeLimit = seconds
            } else {
                errors[.timeLimit] = "Une durée entre 1 et 300 secondes."
            }
        }
        var change: WhatIfChange?
        switch text(.change) {
        case "addUnit":
            if let unit = unit(scenario, &errors), let depot = depot(catalog, &errors) {
                var copy = unit
                copy.id = MobileUnit.ID(
                    rawValue: Self.freshID(unit.id.rawValue + "-bis", taken: scenario.units.map(\.id.rawValue)))
                copy.name = "\(unit.name) (\(depot.name))"
                copy.depot = depot
                change = .addUnit(copy)
            }
        case "removeUnit": change = unit(scenario, &errors).map { .removeUnit($0.id) }
        case "moveDepot":
            if let unit = unit(scenario, &errors), let depot = depot(catalog, &errors) {
                change = .moveDepot(unit.id, depot)
            }
        case "addSpecialist":
            if let specialist = specialist(scenario, &errors) {
                var copy = specialist
                copy.id = Specialist.ID(
                    rawValue: Self.freshID(
                        specialist.id.rawValue + "-renfort", taken: scenario.specialists.map(\.id.rawValue)))
                copy.name = "Renfort (\(specialist.name))"
                copy.rpps = Self.unusedRPPS(taken: Set(scenario.specialists.map(\.rpps)))
                copy.exceptions = []
                change = .addSpecialist(copy)
            }
        case "removeSpecialist": change = specialist(scenario, &errors).map { .removeSpecialist($0.id) }
        case "scaleDemand": change = scaleDemand(&errors)
        case "closeSite": change = closeSite(scenario, &errors)
        default: errors[.change] = "Choisissez le changement à essayer."
        }
        guard errors.isEmpty, let change else { throw FieldErrors(errors) }
        return Submission(variantName: name, change: change, timeLimitSeconds: timeLimit)
    }

    private func text(_ field: Field) -> String {
        (values[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Accepts the decimal comma a French keyboard types.
    private func number(_ field: Field) -> Double? {
        Double(text(field).replacingOccurrences(of: ",", with: ".")).flatMap { $0.isFinite ? $0 : nil }
    }

    private func unit(_ scenario: Scenario, _ errors: inout [Field: String]) -> MobileUnit? {
        guard let unit = scenario.units.first(where: { $0.id.rawValue == text(.unitId) }) else {
            errors[.unitId] = "Choisissez une unité mobile."
            return nil
        }
        return unit
    }

    private func specialist(_ scenario: Scenario, _ errors: inout [Field: String]) -> Specialist? {
        guard let specialist = scenario.specialists.first(where: { $0.id.rawValue == text(.specialistId) }) else {
            errors[.specialistId] = "Choisissez un spécialiste."
            return nil
        }
        return specialist
    }

    private func depot(_ catalog: CommuneCatalog, _ errors: inout [Field: String]) -> Depot? {
        guard let commune = catalog.commune(text(.depotCommune)) else {
            errors[.depotCommune] =
                "Indiquez le code INSEE d’une commune de la région (5 caractères, par exemple 71106)."
            return nil
        }
        let name = text(.depotName)
        return Depot(
            name: name.isEmpty ? "Base de \(commune.name)" : name, inseeCode: commune.inseeCode,
            location: commune.location)
    }

    private func scaleDemand(_ errors: inout [Field: String]) -> WhatIfChange? {
        let factor = number(.demandFactor)
        if factor.map(Self.demandFactorRange.contains) != true {
            errors[.demandFactor] = "Un facteur entre 0,1 et 5 (1,3 pour +30 %)."
        }
        let specialty =
            text(.demandSpecialty).isEmpty ? nil : specialties.first { $0.rawValue == text(.demandSpecialty) }
        if !text(.demandSpecialty).isEmpty, specialty == nil {
            errors[.demandSpecialty] = "Choisissez une spécialité de la liste."
        }
        let department =
            text(.demandDepartment).isEmpty ? nil : departments.first { $0.id == text(.demandDepartment) }?.id
        if !text(.demandDepartment).isEmpty, department == nil {
            errors[.demandDepartment] = "Choisissez un département de la liste."
        }
        guard let factor else { return nil }
        return .scaleDemand(factor: factor, specialty: specialty, department: department)
    }

    private func closeSite(_ scenario: Scenario, _ errors: inout [Field: String]) -> WhatIfChange? {
        let site = scenario.sites.first { $0.id.rawValue == text(.siteId) }
        if site == nil { errors[.siteId] = "Choisissez un lieu." }
        let from = try? LocalDate(text(.closedFrom))
        let to = try? LocalDate(text(.closedTo))
        if from == nil { errors[.closedFrom] = "Une date au format AAAA-MM-JJ." }
        if to == nil { errors[.closedTo] = "Une date au format AAAA-MM-JJ." }
        guard let site, let from, let to else { return nil }
        guard from <= to, from.days(to: to) < Self.maxClosedDays else {
            errors[.closedTo] = "Une date de fin après le début, \(Self.maxClosedDays) jours au plus."
            return nil
        }
        return .closeSite(site.id, dates: from.through(to))
    }

    /// `base`, else `base-2`, `base-3`… : an id no entity of the scenario has.
    static func freshID(_ base: String, taken: [String]) -> String {
        let used = Set(taken)
        var candidate = base
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(suffix)"
            suffix += 1
        }
        return candidate
    }

    /// An 11-digit number outside the real RPPS range's usual start, never one the scenario uses.
    static func unusedRPPS(taken: Set<String>) -> String {
        var number = 99_999_999_000
        while taken.contains(String(number)) { number += 1 }
        return String(number)
    }
}
