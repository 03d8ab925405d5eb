import Foundation
import Testing

/// `telemed bench vrptw`, run as a user would.
@Suite("telemed bench vrptw, run as a user would")
struct BenchCommandTests {
    /// `Tests/Shared/solomon-tiny.txt`: two customers at (3,4) and (6,8), two vehicles; the best
    /// route is depot → 1 → 2 → depot, of length 5 + 5 + 10.
    static let tiny = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Shared/solomon-tiny.txt").standardized

    struct Line: Decodable {
        var instance: String
        var vehicles: Int
        var distance: Double
        var feasible: Bool
        var seconds: Double
    }

    static func write(_ text: String, named name: String) throws -> URL {
        let file = TelemedProcess.temporaryFile(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    @Test("one JSON line per instance: instance, vehicles, distance, feasible, seconds")
    func jsonLines() throws {
        let started = ContinuousClock.now
        let result = try TelemedProcess.run(["bench", "vrptw", Self.tiny.path, Self.tiny.path, "--iterations", "20"])
        let elapsed = ContinuousClock.now - started
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines {
            let parsed = try JSONDecoder().decode(Line.self, from: Data(line.utf8))
            #expect(parsed.instance == "TINY" && parsed.vehicles == 1 && parsed.feasible)
            #expect(abs(parsed.distance - 20) < 0.005)
            // Measured, and by the run itself: more than nothing, less than the whole process took.
            #expect(parsed.seconds > 0 && .seconds(parsed.seconds) < elapsed, "\(parsed.seconds) s of \(elapsed)")
        }
    }

    @Test("a missing or malformed file is an input error before any solve; a bad limit a usage error")
    func badInput() throws {
        let missing = try TelemedProcess.run(["bench", "vrptw", "/nonexistent/C101.txt"])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("/nonexistent/C101.txt"))
        #expect(missing.standardOutput.isEmpty)
        let file = try Self.write("C101\n\nVEHICLE\nNUMBER CAPACITY\n25\n", named: "broken.txt")
        let malformed = try TelemedProcess.run(["bench", "vrptw", file.path])
        #expect(malformed.status == 1)
        #expect(malformed.standardError.contains("vehicle number and capacity"))
        let limit = try TelemedProcess.run(["bench", "vrptw", file.path, "--time-limit", "-1"])
        #expect(limit.status != 0 && limit.standardError.contains("--time-limit"))
    }
}
