import ArgumentParser
import Foundation
import TelemedCore

/// Reading the documents commands take, with errors a user can act on.
enum Input {
    static func scenario(_ path: String) throws -> Scenario {
        do {
            return try ScenarioCoder.load(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError("\(path): \(error.description)")
        }
    }

    /// The scenario with the proposed bookings of the plan at `incumbent` as the ones staff have
    /// seen (``Scenario/seeing(_:)``); the scenario as it is without one.
    static func scenario(_ path: String, seeing incumbent: String?) throws -> Scenario {
        let document = try scenario(path)
        guard let incumbent else { return document }
        let seeing = document.seeing(try plan(incumbent))
        let issues = ScenarioValidator().validate(seeing)
        guard issues.isEmpty else {
            throw InputError(
                "\(incumbent): its proposed bookings do not fit \(path): "
                    + issues.prefix(5).map(\.description).joined(separator: "; "))
        }
        return seeing
    }

    /// The scenario's travel model; a CSV matrix is found relative to the scenario's folder.
    static func travelModel(for scenario: Scenario, at path: String) throws -> any TravelModel {
        do {
            return try scenario.travel.makeModel(relativeTo: URL(fileURLWithPath: path).deletingLastPathComponent())
        } catch {
            throw InputError("\(path): travel: \(error.message)")
        }
    }

    /// The shipped communes of the regions the scenario's sites lie in.
    static func communes(for scenario: Scenario, at path: String) throws -> CommuneCatalog {
        do {
            return try CommuneCatalog.shipped(for: scenario)
        } catch {
            throw InputError("\(path): \(error.description)")
        }
    }

    /// An agency's zones file, every code checked against the shipped communes; any problem is
    /// refused with its line numbers.
    static func zones(_ path: String) throws -> [Zone] {
        let text: String
        do {
            text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
        } catch {
            throw InputError("cannot read \(path) as UTF-8 text: \(error.localizedDescription)")
        }
        let known = try ShippedCommunes.codes()
        do {
            return try ZoneCSV.read(text) { known.contains($0) }
        } catch {
            throw InputError("\(path): \(error.description)")
        }
    }

    static func plan(_ path: String) throws -> Plan {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputError("cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try ScenarioCoder.decode(Plan.self, from: data)
        } catch {
            throw InputError("\(path): not a plan document: \(error.description)")
        }
    }
}
