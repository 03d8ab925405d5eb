import Foundation
import TelemedCore
import Testing

@testable import TelemedSolver

/// Each hard rule of docs/constraints.md keeps one named unit in the solver (`Rules/`), and the
/// search calls it rather than a copy: a newcomer who searches a rule's name outside `Checker/`
/// and `Explain/` finds the solver's check.
@Suite("Solver rules are named as in the checker")
struct SolverRuleTests {
    static let solverSources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/TelemedSolver")

    /// Every Swift file of the solver outside the checker and the explainer, by path inside it.
    static func searchSources() throws -> [String: String] {
        let root = solverSources.standardizedFileURL.path
        let files = FileManager.default.enumerator(atPath: root)?.compactMap { $0 as? String } ?? []
        var sources: [String: String] = [:]
        for file in files
        where file.hasSuffix(".swift") && !file.hasPrefix("Checker/") && !file.hasPrefix("Explain/") {
            sources[file] = try String(contentsOfFile: root + "/" + file, encoding: .utf8)
        }
        return sources
    }

    /// `specialistDailyMax` → `SpecialistDailyMax`.
    static func unitName(_ rule: ConstraintName) -> String {
        rule.rawValue.prefix(1).uppercased() + rule.rawValue.dropFirst()
    }

    @Test("every hard rule has a solver unit that carries its name")
    func everyRuleHasAUnit() {
        for rule in ConstraintName.allCases {
            #expect(rule.solverRule.name == rule, "\(rule.rawValue)'s unit carries another name")
            #expect(String(describing: rule.solverRule) == Self.unitName(rule))
        }
    }

    @Test("every rule's unit declares its name in Rules/ and the search calls it elsewhere")
    func everyUnitIsFoundAndUsed() throws {
        let sources = try Self.searchSources()
        for rule in ConstraintName.allCases {
            let unit = Self.unitName(rule)
            let declaration = sources["Rules/\(unit).swift"] ?? ""
            #expect(
                declaration.contains("static let name = ConstraintName.\(rule.rawValue)"),
                "Rules/\(unit).swift does not name \(rule.rawValue)")
            let users = sources.filter { !$0.key.hasPrefix("Rules/") && $0.value.contains("\(unit).") }.keys
            #expect(!users.isEmpty, "no search code outside Rules/ calls \(unit)")
        }
    }

    @Test("regret insertion and the ruins keep no copy of a rule check")
    func noCopiesInRegretOrRuin() throws {
        let sources = try Self.searchSources()
        // What a rule check is made of: the units in Rules/ hold these, the search asks them.
        let ruleParts = [
            "maxPerDay", "specialistDayCount", ".overlaps(", "isPinned", "equipment &", "maxDriving",
            "placements[$0] == nil", "placements[request] == nil",
        ]
        for file in ["Search/RegretInsertion.swift", "Search/RuinOperator.swift"] {
            let source = try #require(sources[file])
            for part in ruleParts {
                #expect(!source.contains(part), "\(file) checks a rule itself (\(part))")
            }
        }
    }
}
