import Foundation

/// One instance of Solomon's (1987) vehicle routing problem with time windows, read from the classic
/// text layout:
///
///     C101
///
///     VEHICLE
///     NUMBER     CAPACITY
///       25         200
///
///     CUSTOMER
///     CUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE TIME
///
///         0      40         50          0          0       1236          0
///         1      45         68         10        912        967         90
///
/// Node 0 is the depot, whose due date closes the horizon. Distances are Euclidean and real-valued
/// (never rounded) and travel time equals distance; at most `vehicleCount` vehicles may be used.
public struct SolomonInstance: Hashable, Sendable {
    /// One line of the customer table (the depot is the one with id 0).
    public struct Customer: Hashable, Sendable {
        public var id: Int
        public var x: Double
        public var y: Double
        public var demand: Int
        public var readyTime: Int
        public var dueDate: Int
        public var serviceTime: Int

        public init(id: Int, x: Double, y: Double, demand: Int, readyTime: Int, dueDate: Int, serviceTime: Int) {
            self.id = id
            self.x = x
            self.y = y
            self.demand = demand
            self.readyTime = readyTime
            self.dueDate = dueDate
            self.serviceTime = serviceTime
        }
    }

    /// The first non-empty line of the file, e.g. `C101`.
    public let name: String
    public let vehicleCount: Int
    public let vehicleCapacity: Int
    public let depot: Customer
    /// The customers in id order: `customers[i - 1].id == i`, whatever the order of the file's lines.
    public let customers: [Customer]

    /// Reads the classic layout. Blank lines, any run of spaces or tabs between fields, CRLF line breaks,
    /// upper or lower case keywords and the column header lines under `CUSTOMER` (any lines starting
    /// with a letter) are accepted; customer lines may come in any order but their numbers must run
    /// from 0 to n without gaps or repeats.
    public init(text: String) throws(SolomonFormatError) {
        var reader = SolomonLineReader(text: text)
        guard let nameLine = reader.next() else { throw .missingName }
        guard !Self.matches(nameLine, "VEHICLE") else {
            throw .unexpectedLine(line: nameLine.number, expected: "the instance name before VEHICLE", found: "VEHICLE")
        }
        name = nameLine.text.trimmingCharacters(in: .whitespaces)
        try reader.expect("VEHICLE", description: "VEHICLE")
        try reader.expect("NUMBER CAPACITY", description: "the column header NUMBER CAPACITY")
        let fleet = try reader.require("the vehicle number and capacity, e.g. \"25 200\"")
        guard fleet.tokens.count == 2 else {
            throw .unexpectedLine(
                line: fleet.number, expected: "the vehicle number and capacity, e.g. \"25 200\"",
                found: fleet.text.trimmingCharacters(in: .whitespaces))
        }
        vehicleCount = try Self.positive(fleet.tokens[0], field: "vehicle number", line: fleet.number)
        vehicleCapacity = try Self.positive(fleet.tokens[1], field: "vehicle capacity", line: fleet.number)
        try reader.expect("CUSTOMER", description: "CUSTOMER")

        var byId: [Int: (customer: Customer, line: Int)] = [:]
        var lines: ClosedRange<Int>?
        var table = false
        while let line = reader.next() {
            if !table, line.tokens[0].first?.isLetter == true { continue }  // column header lines
            table = true
            let customer = try Self.customer(line.tokens, line: line.number)
            if let first = byId[customer.id] {
                throw .duplicateCustomer(line: line.number, id: customer.id, firstLine: first.line)
            }
            byId[customer.id] = (customer, line.number)
            lines = (lines?.lowerBound ?? line.number)...line.number
        }
        guard let lines else {
            throw .unexpectedEnd(
                line: reader.lastLine, expected: "the customer table, starting with the depot (customer 0)")
        }
        let nodes = try (0..<byId.count).map { id throws(SolomonFormatError) in
            guard let found = byId[id] else { throw .missingCustomer(id: id, lines: lines) }
            return found.customer
        }
        depot = nodes[0]
        customers = Array(nodes.dropFirst())
    }

    /// Reads a file in the classic layout (UTF-8 or ASCII).
    public init(contentsOf url: URL) throws(SolomonFormatError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadableFile(path: url.path, reason: error.localizedDescription)
        }
        try self.init(text: text)
    }

    /// The depot (id 0) or a customer (ids 1…n).
    public func node(_ id: Int) -> Customer {
        precondition((0...customers.count).contains(id), "node \(id) is not in 0…\(customers.count)")
        return id == 0 ? depot : customers[id - 1]
    }

    /// Euclidean distance between two nodes (0 is the depot), real-valued; also the travel time.
    public func distance(from origin: Int, to destination: Int) -> Double {
        let (a, b) = (node(origin), node(destination))
        return ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot()
    }

    /// Length of one vehicle's route: from the depot through `route` (customer ids, no depot) and
    /// back. An empty route (an unused vehicle) has length 0.
    public func routeDistance(_ route: [Int]) -> Double {
        guard let first = route.first, let last = route.last else { return 0 }
        var total = distance(from: 0, to: first) + distance(from: last, to: 0)
        for (origin, destination) in zip(route, route.dropFirst()) {
            total += distance(from: origin, to: destination)
        }
        return total
    }
}
