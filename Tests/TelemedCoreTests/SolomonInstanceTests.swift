import Foundation
import Testing

@testable import TelemedCore

private typealias Customer = SolomonInstance.Customer

@Suite("Solomon VRPTW instances")
struct SolomonInstanceTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Benchmarks/solomon").standardized
    static let names = [
        "C101", "C105", "C201", "C205", "R101", "R105", "R109", "R201", "R205", "R209", "RC101", "RC105", "RC201",
        "RC205",
    ]
    /// Vehicle capacity, depot position and depot due date (the horizon) of each class, as in the files.
    static let classes: [String: (capacity: Int, x: Double, y: Double, horizon: Int)] = [
        "C1": (200, 40, 50, 1236), "C2": (700, 40, 50, 3390), "R1": (200, 35, 35, 230),
        "R2": (1000, 35, 35, 1000), "RC1": (200, 40, 50, 240), "RC2": (1000, 40, 50, 960),
    ]

    static func load(_ name: String) throws -> SolomonInstance {
        try SolomonInstance(contentsOf: directory.appendingPathComponent("\(name).txt"))
    }

    static func text(_ file: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
    }

    /// `Tests/Shared/solomon-tiny.txt`, a three-node instance; line numbers: 1 name, 3 VEHICLE,
    /// 4 NUMBER CAPACITY, 5 fleet, 7 CUSTOMER, 8 column header, 10 depot, 11 and 12 customers.
    static let small: [String] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../Shared/solomon-tiny.txt")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return Array(text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast())
    }()

    static func small(replacing line: Int, with replacement: String) -> String {
        var lines = small
        lines[line - 1] = replacement
        return lines.joined(separator: "\n")
    }

    @Test(
        "Every shipped instance parses with 100 customers, 25 vehicles and its class's capacity and depot",
        arguments: names)
    func shippedInstance(name: String) throws {
        let instance = try Self.load(name)
        let expected = try #require(Self.classes[String(name.dropLast(2))])
        #expect(instance.name == name)
        #expect(instance.vehicleCount == 25)
        #expect(instance.vehicleCapacity == expected.capacity)
        #expect(instance.customers.count == 100)
        #expect(instance.customers.map(\.id) == Array(1...100))
        #expect(
            instance.depot
                == Customer(
                    id: 0, x: expected.x, y: expected.y, demand: 0, readyTime: 0,
                    dueDate: expected.horizon, serviceTime: 0))
        #expect(instance.customers.allSatisfy { $0.readyTime <= $0.dueDate && $0.dueDate <= expected.horizon })
    }

    @Test("Distances are symmetric and zero on the diagonal", arguments: names)
    func distances(name: String) throws {
        let instance = try Self.load(name)
        for origin in 0...100 {
            #expect(instance.distance(from: origin, to: origin) == 0)
            for destination in 0...100
            where instance.distance(from: origin, to: destination)
                != instance.distance(from: destination, to: origin)
            {
                Issue.record("\(name): \(origin)→\(destination) differs from its reverse")
            }
        }
    }

    @Test("C101's first customer line matches the file, and its distance from the depot is not rounded")
    func firstCustomerOfC101() throws {
        let line = try Self.text("C101.txt").split(separator: "\n", omittingEmptySubsequences: false)[10]
        #expect(line.split(separator: " ") == ["1", "55", "85", "20", "647", "726", "90"])
        let instance = try Self.load("C101")
        #expect(
            instance.customers[0]
                == Customer(
                    id: 1, x: 55, y: 85, demand: 20, readyTime: 647, dueDate: 726,
                    serviceTime: 90))
        #expect(instance.distance(from: 0, to: 1) == 1450.0.squareRoot())
    }

    @Test("A route runs from the depot through its customers and back; an empty route has length 0")
    func routeDistance() throws {
        let tiny = try SolomonInstance(text: Self.small.joined(separator: "\n"))
        #expect(tiny.customers.count == 2)
        #expect(tiny.routeDistance([]) == 0)
        #expect(tiny.routeDistance([1]) == 10)
        #expect(tiny.routeDistance([1, 2]) == 20)
        #expect(tiny.routeDistance([2, 1]) == 20)
        let c101 = try Self.load("C101")
        let route = [5, 3, 7, 8, 10, 11, 9, 6, 4, 2, 1, 75]
        let legs = zip([0] + route, route + [0]).map { c101.distance(from: $0, to: $1) }
        #expect(abs(c101.routeDistance(route) - legs.reduce(0, +)) < 1e-9)
    }

    @Test("CRLF, extra blank lines, tabs, lower case, no column header and shuffled lines read the same")
    func layoutVariants() throws {
        let lines = try Self.text("R101.txt").split(separator: "\n").map(String.init)
        let table = lines.filter { $0.first == " " && $0.contains(where: \.isNumber) }.dropFirst().reversed()
        let variant =
            ["", "R101", "", "", "vehicle", "number\tcapacity", "\t25\t200", "Customer", ""]
            + table.map { $0.replacingOccurrences(of: "  ", with: "\t") + "  " }
        let instance = try SolomonInstance(text: variant.joined(separator: "\r\n") + "\r\n")
        #expect(instance == (try Self.load("R101")))
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        let testDescription: String, line: Int, replacement: String, error: SolomonFormatError
        init(_ description: String, _ line: Int, _ replacement: String, _ error: SolomonFormatError) {
            (testDescription, self.line, self.replacement, self.error) = (description, line, replacement, error)
        }
    }

    static let malformed = [
        Malformed("missing VEHICLE header", 3, "", .unexpectedLine(line: 4, expected: "VEHICLE", found: small[3])),
        Malformed("missing CUSTOMER header", 7, "", .unexpectedLine(line: 8, expected: "CUSTOMER", found: small[7])),
        Malformed(
            "fleet line with one number", 5, "2",
            .unexpectedLine(line: 5, expected: "the vehicle number and capacity, e.g. \"25 200\"", found: "2")),
        Malformed("short customer line", 11, "1 3 4 10 0 50", .wrongFieldCount(line: 11, found: 6)),
        Malformed(
            "non-numeric demand", 12, "2 6 8 twenty 10 60 5",
            .invalidNumber(line: 12, field: "demand", value: "twenty", expected: "an integer")),
        Malformed(
            "non-numeric x", 11, "1 x3 4 10 0 50 5",
            .invalidNumber(line: 11, field: "x", value: "x3", expected: "a number")),
        Malformed(
            "duplicate customer id", 12, "1 6 8 20 10 60 5", .duplicateCustomer(line: 12, id: 1, firstLine: 11)),
        Malformed("gap in customer ids", 12, "3 6 8 20 10 60 5", .missingCustomer(id: 2, lines: 10...12)),
        Malformed(
            "due date before ready time", 11, "1 3 4 10 60 50 5",
            .invalidValue(line: 11, field: "due date", value: "50", expected: "at or after the ready time 60")),
    ]

    @Test("A malformed instance fails with the line number and what was expected", arguments: malformed)
    func malformedInstance(_ example: Malformed) {
        #expect(throws: example.error) {
            try SolomonInstance(text: Self.small(replacing: example.line, with: example.replacement))
        }
        #expect(example.error.message.hasPrefix("line"))
    }

    @Test("An empty text or a text without a customer table fails saying what is missing")
    func truncated() {
        #expect(throws: SolomonFormatError.missingName) { try SolomonInstance(text: "\r\n  \n") }
        let header = Self.small.prefix(8).joined(separator: "\n")
        #expect(
            throws: SolomonFormatError.unexpectedEnd(
                line: 8, expected: "the customer table, starting with the depot (customer 0)")
        ) {
            try SolomonInstance(text: header)
        }
    }

    @Test("bks.csv gives vehicles and distance for each shipped instance")
    func bestKnown() throws {
        let solutions = try BestKnownSolution.load(csv: Self.text("bks.csv"))
        #expect(Set(solutions.keys) == Set(Self.names))
        #expect(solutions["C101"]?.vehicles == 10)
        #expect(solutions["C101"]?.distance == 828.94)
        #expect(solutions["RC205"]?.vehicles == 4)
        #expect(solutions["RC205"]?.distance == 1297.65)
        #expect(throws: SolomonFormatError.missingColumn("distance")) {
            try BestKnownSolution.load(csv: "instance,vehicles\nC101,10\n")
        }
        #expect(throws: SolomonFormatError.duplicateBestKnown(line: 3, instance: "C101", firstLine: 2)) {
            try BestKnownSolution.load(csv: "instance,vehicles,distance\nC101,10,828.94\nC101,11,800\n")
        }
    }

    @Test("peers.csv lists PyVRP and OR-tools at 10 s for each shipped instance")
    func peers() throws {
        let table = try CSVTable(text: Self.text("peers.csv"))
        #expect(
            table.header == [
                "instance", "pyvrp_vehicles", "pyvrp_distance", "ortools_vehicles", "ortools_distance",
                "time_limit_seconds",
            ])
        #expect(table.rows.compactMap { $0["instance"] } == Self.names)
        for row in table.rows {
            #expect(row["time_limit_seconds"] == "10")
            #expect(Int(row["pyvrp_vehicles"] ?? "").map { $0 <= 25 } == true)
            #expect(Double(row["pyvrp_distance"] ?? "") != nil)
            #expect(row["ortools_vehicles"]?.isEmpty == row["ortools_distance"]?.isEmpty)
        }
        let infeasible = table.rows.filter { $0["ortools_distance"] == "" }.compactMap { $0["instance"] }
        #expect(infeasible == ["R101", "R105", "RC101", "RC105"])
    }
}
