import Foundation

/// The best-known solution of a benchmark instance as published, e.g. Solomon's instances in the SINTEF
/// TOP table, where the objective is vehicles first, then distance: a distance-only objective may go
/// below `distance` with more vehicles.
public struct BestKnownSolution: Hashable, Sendable {
    public let instance: String
    public let vehicles: Int
    public let distance: Double
    /// Where the figure comes from (the optional `source` column); empty when not given.
    public let source: String

    public init(instance: String, vehicles: Int, distance: Double, source: String = "") {
        self.instance = instance
        self.vehicles = vehicles
        self.distance = distance
        self.source = source
    }

    /// Reads a CSV table with the columns `instance,vehicles,distance` and optionally `source` (in any
    /// order; other columns are ignored), keyed by instance name. Errors name the file's line.
    public static func load(csv: String) throws(SolomonFormatError) -> [String: BestKnownSolution] {
        let table: CSVTable
        do {
            table = try CSVTable(text: csv)
        } catch {
            throw .unreadableBestKnown(error.description)
        }
        for column in ["instance", "vehicles", "distance"] where !table.header.contains(column) {
            throw .missingColumn(column)
        }
        var solutions: [String: (solution: BestKnownSolution, line: Int)] = [:]
        for fields in table.rows {
            let line = fields.line
            let instance = (fields["instance"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !instance.isEmpty else {
                throw .invalidBestKnown(line: line, column: "instance", value: "", expected: "an instance name")
            }
            let vehiclesText = (fields["vehicles"] ?? "").trimmingCharacters(in: .whitespaces)
            guard let vehicles = Int(vehiclesText), vehicles > 0 else {
                throw .invalidBestKnown(
                    line: line, column: "vehicles", value: vehiclesText,
                    expected: "a whole number of vehicles, at least 1")
            }
            let distanceText = (fields["distance"] ?? "").trimmingCharacters(in: .whitespaces)
            guard let distance = Double(distanceText), distance.isFinite, distance > 0 else {
                throw .invalidBestKnown(
                    line: line, column: "distance", value: distanceText, expected: "a positive distance, e.g. 828.94")
            }
            if let first = solutions[instance] {
                throw .duplicateBestKnown(line: line, instance: instance, firstLine: first.line)
            }
            let solution = BestKnownSolution(
                instance: instance, vehicles: vehicles, distance: distance, source: fields["source"] ?? "")
            solutions[instance] = (solution, line)
        }
        return solutions.mapValues(\.solution)
    }
}
