import Foundation
import Testing

@testable import TelemedCore

/// CSV through CSV.swift: reading with the line each row starts on, writing with RFC 4180 quoting.
@Suite("CSV reading and writing")
struct CSVTests {
    @Test("rows carry the line they start on, past blank lines, CR LF and quoted line breaks")
    func lineNumbers() throws {
        let text = "\u{FEFF}\r\ncode,name\r\n01,\"Ain\"\r\n\r\n02,\"Aisne,\nnord\"\r\n03,Allier\r\n"
        let table = try CSVTable(text: text)
        #expect(table.header == ["code", "name"])
        #expect(table.headerLine == 2)
        #expect(table.rows.map(\.line) == [3, 5, 7])
        #expect(table.rows.map { $0["name"] } == ["Ain", "Aisne,\nnord", "Allier"])
        #expect(table.rows[0]["absent"] == nil)
    }

    @Test("what is written reads back field for field: commas, quotes, line breaks, accents, empty fields")
    func roundTrip() throws {
        let header = ["code", "name", "note"]
        let rows = [
            ["21", "Côte-d'Or", ""],
            ["58", "Saint-Léger, \"bas\"", "a\r\nb"],
            ["71", "Saône-et-Loire", "x\ny"],
        ]
        let text = CSVText.render(header: header, rows: rows)
        #expect(text.hasPrefix("code,name,note\r\n21,Côte-d'Or,\r\n58,\"Saint-Léger, \"\"bas\"\"\",\"a\r\nb\"\r\n"))
        #expect(text.hasSuffix("\r\n"))
        let table = try CSVTable(text: text)
        #expect(table.header == header)
        #expect(table.rows.map(\.fields) == rows)
        #expect(table.rows.map(\.line) == [2, 3, 5])
    }

    @Test("a quote that never closes is refused with the line it opens on, not read to the end of the file")
    func unclosedQuote() {
        #expect(throws: CSVReadError.unclosedQuote(line: 3)) {
            try CSVTable(text: "code,name\n01,\"Ain \"\"bis\"\"\"\n02,\"Aisne\n03,Allier\n")
        }
        #expect(
            throws: TravelModelError.unreadableCSV(
                "line 2: a quote opens a field that never closes (write a quote inside a field as \"\")")
        ) {
            try MatrixTravelModel(csv: "from,to,minutes,kilometres\n\"a,b,1,2\n")
        }
        #expect((try? CSVTable(text: "a\n\"x\ny\"\n")) != nil, "a closed quote spanning lines is fine")
    }

    @Test("a travel matrix row after a quoted line break is reported on its own line")
    func matrixLines() {
        let csv = "from,to,minutes,kilometres\n\"a\nb\",c,1,2\nc,d,x,2\n"
        #expect(throws: TravelModelError.invalidNumber(line: 4, column: "minutes", value: "x")) {
            try MatrixTravelModel(csv: csv)
        }
    }

    @Test("commune files read with their lines, and a bad row names its file and line")
    func communeRows() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("telemed-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let communes = folder.appendingPathComponent("communes.csv")
        let departments = folder.appendingPathComponent("departements.csv")
        let epcis = folder.appendingPathComponent("epci.csv")
        try "code,name,region,region_name\n21,Côte-d'Or,27,Bourgogne-Franche-Comté\n"
            .write(to: departments, atomically: true, encoding: .utf8)
        try "siren,name,type\n242100410,Dijon Métropole,ME\n".write(to: epcis, atomically: true, encoding: .utf8)
        let rows = [
            "insee_code,name,department,population,latitude,longitude,epci", "",
            "21231,Dijon,21,156920,47.32,5.04,242100410", "21054,Beaune,21,21000,47.02,4.84,",
        ]
        try (rows + [""]).joined(separator: "\n").write(to: communes, atomically: true, encoding: .utf8)
        let directory = try CommuneDirectory.load(
            communes: communes, departments: departments, intercommunalities: epcis)
        #expect(directory.communes.map(\.regionCode) == ["27", "27"])
        #expect(directory.communes.map(\.intercommunality?.name) == ["Dijon Métropole", nil])

        for bad in ["21054,Beaune,21,x,47.02,4.84,", "21054,Beaune,99,21000,47.02,4.84,", "21054,Beaune,21,1,47,4,1"] {
            try (rows + [bad, ""]).joined(separator: "\n").write(to: communes, atomically: true, encoding: .utf8)
            let error = #expect(throws: GenerationError.self) {
                try CommuneDirectory.load(communes: communes, departments: departments, intercommunalities: epcis)
            }
            #expect(error?.description.hasPrefix("communes.csv line 5: expected insee_code") == true, "\(bad)")
        }
    }
}
