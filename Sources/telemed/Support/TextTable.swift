/// A plain-text table for the terminal: left-aligned text columns (the first by default),
/// right-aligned numbers.
///
/// ```swift
/// var table = TextTable("urgency", "served")
/// table.add(["urgent", "12"])
/// print(table.render())
/// ```
struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns whose cells are padded on the right (text); the others on the left (numbers).
    var leftAligned: Set<Int> = [0]

    init(_ header: String...) { self.header = header }

    init(_ header: [String], leftAligned: Set<Int> = [0]) {
        self.header = header
        self.leftAligned = leftAligned
    }

    mutating func add(_ cells: [String]) { rows.append(cells) }

    func render(indent: String = "") -> String {
        let all = [header] + rows
        let widths = header.indices.map { column in
            all.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            var text = header.indices.map { column in
                let cell = cells.indices.contains(column) ? cells[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return leftAligned.contains(column) ? cell + padding : padding + cell
            }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return indent + text
        }
        let rule = indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// `label  value` lines with the labels padded to one width: a record shown field by field.
    static func fields(_ pairs: [(String, String)], indent: String = "  ") -> String {
        let width = pairs.map(\.0.count).max() ?? 0
        return pairs.map { label, value in
            indent + label + String(repeating: " ", count: width - label.count) + "  " + value
        }.joined(separator: "\n")
    }
}
