import ArgumentParser
import Foundation
import TelemedCore

/// Reading the documents commands take, with errors a user can act on.
enum Input {
    static func scenario(_ path: String) throws -> Scenario {
        do {
            return try ScenarioCoder.load(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("\(path): \(error.description)")
        }
    }

    static func plan(_ path: String) throws -> Plan {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("cannot read \(path): \(error.localizedDescription)")
        }
        do {
            return try ScenarioCoder.makeDecoder().decode(Plan.self, from: data)
        } catch let error as DecodingError {
            throw ValidationError("\(path): not a plan document: \(error)")
        }
    }
}
