import Foundation
import TelemedCore
import TelemedPages

/// The planner's posted what-if form read into one `WhatIfChange` (the kinds `POST /api/v1/plans`
/// takes), or the form as typed with a French reason beside each refused field.
struct WhatIfInput {
    enum Reading {
        case accepted(name: String, change: WhatIfChange)
        case refused(WhatIfForm)
    }

    typealias Field = WhatIfForm.Field

    let typed: WhatIfForm

    /// `choices` is the empty form the page offers (units, specialists, sites…).
    init(_ form: HTMLForm, choices: WhatIfForm) {
        var typed = choices
        typed.values = [:]
        typed.errors = [:]
        for field in Field.allCases where !form[field.rawValue].isEmpty {
            typed.values[field] = form[field.rawValue]
        }
        self.typed = typed
    }

    func read(scenario: Scenario) -> Reading {
        var errors: [Field: String] = [:]
        let change = self.change(scenario: scenario, errors: &errors)
        let name = value(.variantName).trimmingCharacters(in: .whitespacesAndNewlines)
        guard errors.isEmpty, let change else {
            var refused = typed
            refused.errors = errors
            if errors.isEmpty { refused.errors[.change] = "Choisissez le changement à essayer." }
            return .refused(refused)
        }
        return .accepted(name: name.isEmpty ? "Variante" : String(name.prefix(80)), change: change)
    }

    private func value(_ field: Field) -> String { typed.values[field] ?? "" }

    private func change(scenario: Scenario, errors: inout [Field: String]) -> WhatIfChange? {
        switch value(.change) {
        case "addUnit":
            guard let unit = unit(scenario, &errors), let depot = depot(unit, &errors) else { return nil }
            var copy = unit
            copy.id = MobileUnit.ID(rawValue: unit.id.rawValue + "-bis")
            copy.name = unit.name + " (bis)"
            copy.depot = depot
            return .addUnit(copy)
        case "removeUnit":
            return unit(scenario, &errors).map { .removeUnit($0.id) }
        case "moveDepot":
            guard let unit = unit(scenario, &errors), let depot = depot(unit, &errors) else { return nil }
            return .moveDepot(unit.id, depot)
        case "addSpecialist":
            guard let specialist = specialist(scenario, &errors) else { return nil }
            var copy = specialist
            copy.id = Specialist.ID(rawValue: specialist.id.rawValue + "-bis")
            copy.name = specialist.name + " (bis)"
            return .addSpecialist(copy)
        case "removeSpecialist":
            return specialist(scenario, &errors).map { .removeSpecialist($0.id) }
        case "scaleDemand":
            return scaleDemand(&errors)
        case "closeSite":
            return closeSite(scenario, &errors)
        default:
            errors[.change] = "Choisissez le changement à essayer."
            return nil
        }
    }

    private func unit(_ scenario: Scenario, _ errors: inout [Field: String]) -> MobileUnit? {
        guard let unit = scenario.units.first(where: { $0.id.rawValue == value(.unitId) }) else {
            errors[.unitId] = "Choisissez l’unité mobile concernée."
            return nil
        }
        return unit
    }

    private func specialist(_ scenario: Scenario, _ errors: inout [Field: String]) -> Specialist? {
        guard let specialist = scenario.specialists.first(where: { $0.id.rawValue == value(.specialistId) }) else {
            errors[.specialistId] = "Choisissez le spécialiste concerné."
            return nil
        }
        return specialist
    }

    /// The new base: a name and coordinates in degrees (a comma or a point as decimal mark).
    private func depot(_ unit: MobileUnit, _ errors: inout [Field: String]) -> Depot? {
        let name = value(.depotName).trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { errors[.depotName] = "Donnez un nom à la nouvelle base (la ville suffit)." }
        let latitude = Self.number(value(.depotLatitude)).flatMap { (-90...90).contains($0) ? $0 : nil }
        if latitude == nil { errors[.depotLatitude] = "Une latitude en degrés, entre −90 et 90 (47,06 par exemple)." }
        let longitude = Self.number(value(.depotLongitude)).flatMap { (-180...180).contains($0) ? $0 : nil }
        if longitude == nil {
            errors[.depotLongitude] = "Une longitude en degrés, entre −180 et 180 (3,93 par exemple)."
        }
        guard !name.isEmpty, let latitude, let longitude else { return nil }
        // The commune code stays the old base's: it only names the department in reports.
        return Depot(
            name: name, inseeCode: unit.depot.inseeCode, location: GeoPoint(latitude: latitude, longitude: longitude))
    }

    private func scaleDemand(_ errors: inout [Field: String]) -> WhatIfChange? {
        guard let factor = Self.number(value(.demandFactor)), factor > 0, factor <= 10 else {
            errors[.demandFactor] = "Le facteur doit être positif et au plus 10 (1,3 pour +30 %)."
            return nil
        }
        let specialty = value(.demandSpecialty).isEmpty ? nil : Specialty(rawValue: value(.demandSpecialty))
        if let specialty, !typed.specialties.contains(specialty) {
            errors[.demandSpecialty] = "Choisissez une spécialité de la liste, ou aucune."
            return nil
        }
        let department = value(.demandDepartment).isEmpty ? nil : value(.demandDepartment)
        if let department, !typed.departments.contains(where: { $0.id == department }) {
            errors[.demandDepartment] = "Choisissez un département de la liste, ou aucun."
            return nil
        }
        return .scaleDemand(factor: factor, specialty: specialty, department: department)
    }

    /// At most a year of closed days: more is not a closure but a removal.
    private func closeSite(_ scenario: Scenario, _ errors: inout [Field: String]) -> WhatIfChange? {
        let site = scenario.sites.first { $0.id.rawValue == value(.siteId) }
        if site == nil { errors[.siteId] = "Choisissez le lieu fermé." }
        let from = try? LocalDate(value(.closedFrom))
        if from == nil { errors[.closedFrom] = "Indiquez le premier jour de fermeture." }
        let to = try? LocalDate(value(.closedTo))
        if to == nil { errors[.closedTo] = "Indiquez le dernier jour de fermeture." }
        guard let site, let from, let to else { return nil }
        guard from <= to, from.days(to: to) < 366 else {
            errors[.closedTo] = "Le dernier jour suit le premier, un an au plus après."
            return nil
        }
        return .closeSite(site.id, dates: (0...from.days(to: to)).map { from.adding(days: $0) })
    }

    static func number(_ text: String) -> Double? {
        Double(text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "."))
    }
}
