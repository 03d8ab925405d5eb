/// A table of figures as `report-table.mustache` draws it: a caption, a corner heading, one
/// column heading per column and one headed row per line, every cell already written the French
/// way. The what-if report (one column per variant) and the activity report share it.
struct ReportTable {
    struct Cell {
        var text: String
        /// "up", "down" or "same" in the what-if table of differences; empty elsewhere.
        var tone: String
        var hasTone: Bool

        init(_ text: String, tone: String? = nil) {
            self.text = text
            self.tone = tone ?? ""
            hasTone = tone != nil
        }
    }

    struct Row {
        var label: String
        var cells: [Cell]
    }

    var caption: String
    var corner: String
    var columns: [String]
    var rows: [Row]
}
