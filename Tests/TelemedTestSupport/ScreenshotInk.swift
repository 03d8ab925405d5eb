import Foundation

/// How much of a screenshot is drawn, measured by `scripts/png_ink.py` (Python's standard library
/// decodes the PNG: no image package needed): the share of pixels, and of rows, that differ
/// from the background. A blank page measures 0, so a check on it can fail.
public struct ScreenshotInk: Decodable, Sendable {
    public var width: Int
    public var height: Int
    /// Share of pixels that are not the background colour.
    public var ink: Double
    /// Share of rows with at least one such pixel.
    public var inkedRows: Double

    public struct Unreadable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Measures the PNG at `file` with the test venv's Python (`.build/python`), else `python3`.
    public static func measure(_ file: URL) throws -> ScreenshotInk {
        let venv = TestPaths.packageRoot.appendingPathComponent(".build/python/bin/python")
        let usesVenv = FileManager.default.isExecutableFile(atPath: venv.path)
        let script = TestPaths.packageRoot.appendingPathComponent("scripts/png_ink.py").path
        let result = try TestProcess.run(
            usesVenv ? venv : URL(fileURLWithPath: "/usr/bin/env"),
            (usesVenv ? [] : ["python3"]) + [script, file.path],
            timeout: .seconds(60))
        guard result.status == 0, let ink = try? JSONDecoder().decode(Self.self, from: Data(result.output.utf8)) else {
            throw Unreadable(description: "\(file.lastPathComponent): \(result.error)\(result.output)")
        }
        return ink
    }
}
