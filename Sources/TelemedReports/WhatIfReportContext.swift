import TelemedHTML

/// What `whatif-report.mustache` shows, built by ``WhatIfReportPage``: every figure already
/// written the French way, so the template only places text. Optional names are absent from the
/// enclosing contexts, so a nil one never picks up a parent's value.
struct WhatIfReportContext {
    /// A variant against the base: what "Ce qui change" says about it.
    struct Change {
        var name: String
        var description: String?
        var sentences: [String]
    }

    typealias Cell = ReportTable.Cell
    typealias Row = ReportTable.Row
    /// A table with one column per variant.
    typealias Table = ReportTable

    struct Map {
        var name: String
        var drawing: SVGMap.Drawing?
    }

    struct Zones {
        /// Said above the tables when a QPV is among them.
        var note: String?
        var tables: [Table]
    }

    /// The territories with the worst access in the base and what each variant changed there.
    struct Worst {
        struct Territory {
            struct Changes {
                var sentences: [String]
            }
            var name: String
            var situation: String
            /// Nil with the base alone.
            var changes: Changes?
        }
        var introduction: String
        var territories: [Territory]
    }

    /// One row of the annex: a commune (named on its first variant's row) and one variant.
    struct CommuneRow {
        var startsCommune: Bool
        var rowspan: Int
        var commune, population, sites, variant: String
        var cells: [String]
    }

    var studyName, horizonStart, horizonEnd, scenarioName: String
    var changes: [Change]
    /// Nil when no intercommunality has inhabitants the data knows.
    var worst: Worst?
    var kpis: Table
    var charts: PlanComparisonCharts.Drawings
    var maps: [Map]
    var territories: [Table]
    /// Nil when the scenario has no zones.
    var zones: Zones?
    var differences: Table?
    var urgencies: [String]
    var communes: [CommuneRow]
    var runDescription: String
}
