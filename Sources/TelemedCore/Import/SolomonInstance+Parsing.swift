import Foundation

extension SolomonInstance {
    private static let fields = ["customer number", "x", "y", "demand", "ready time", "due date", "service time"]

    static func customer(_ tokens: [Substring], line: Int) throws(SolomonFormatError) -> Customer {
        guard tokens.count == 7 else { throw .wrongFieldCount(line: line, found: tokens.count) }
        var integers: [Int] = []
        for index in [0, 3, 4, 5, 6] {
            guard let value = Int(tokens[index]) else {
                throw .invalidNumber(
                    line: line, field: fields[index], value: String(tokens[index]), expected: "an integer")
            }
            guard value >= 0 else {
                throw .invalidValue(line: line, field: fields[index], value: String(value), expected: "0 or more")
            }
            integers.append(value)
        }
        var coordinates: [Double] = []
        for index in [1, 2] {
            guard let value = Double(tokens[index]), value.isFinite else {
                throw .invalidNumber(
                    line: line, field: fields[index], value: String(tokens[index]), expected: "a number")
            }
            coordinates.append(value)
        }
        guard integers[3] >= integers[2] else {
            throw .invalidValue(
                line: line, field: "due date", value: String(integers[3]),
                expected: "at or after the ready time \(integers[2])")
        }
        return Customer(
            id: integers[0], x: coordinates[0], y: coordinates[1], demand: integers[1], readyTime: integers[2],
            dueDate: integers[3], serviceTime: integers[4])
    }

    static func positive(_ token: Substring, field: String, line: Int) throws(SolomonFormatError) -> Int {
        guard let value = Int(token) else {
            throw .invalidNumber(line: line, field: field, value: String(token), expected: "an integer")
        }
        guard value > 0 else {
            throw .invalidValue(line: line, field: field, value: String(value), expected: "at least 1")
        }
        return value
    }

    static func matches(_ line: SolomonLineReader.Line, _ keywords: String) -> Bool {
        line.tokens.map { $0.uppercased() } == keywords.split(separator: " ").map(String.init)
    }
}

/// The non-empty lines of a text with their 1-based numbers and whitespace-separated tokens.
struct SolomonLineReader {
    struct Line {
        let number: Int
        let text: String
        let tokens: [Substring]
    }

    private let lines: [Substring]
    private var index = 0

    init(text: String) {
        // `Character.isNewline` treats "\r\n" as one line break, as well as "\n" and "\r" alone.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        self.lines = lines
    }

    /// The number of the text's last line.
    var lastLine: Int { lines.count }

    mutating func next() -> Line? {
        while index < lines.count {
            index += 1
            let tokens = lines[index - 1].split(whereSeparator: \.isWhitespace)
            if !tokens.isEmpty { return Line(number: index, text: String(lines[index - 1]), tokens: tokens) }
        }
        return nil
    }

    mutating func require(_ expected: String) throws(SolomonFormatError) -> Line {
        guard let line = next() else { throw .unexpectedEnd(line: lastLine, expected: expected) }
        return line
    }

    mutating func expect(_ keywords: String, description: String) throws(SolomonFormatError) {
        let line = try require(description)
        guard SolomonInstance.matches(line, keywords) else {
            throw .unexpectedLine(
                line: line.number, expected: description, found: line.text.trimmingCharacters(in: .whitespaces))
        }
    }
}
