import Foundation

/// Debian's `chromium` run headless on a local HTML file: a screenshot checked to be a non-empty
/// PNG, and the DOM after rendering. What a person would see, without a display.
///
/// ```swift
/// @Test(.enabled(if: HeadlessChromium.shouldRun, Comment(rawValue: HeadlessChromium.skipReason)))
/// func rendersInABrowser() throws {
///     let png = try HeadlessChromium.required().screenshot(of: page, named: "report")
/// }
/// ```
public struct HeadlessChromium: Sendable {
    public let executable: URL

    /// The names Debian and Ubuntu give the browser.
    static let names = ["chromium", "chromium-browser"]

    /// The first browser found on `PATH`, or nil.
    public static let found: HeadlessChromium? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            for name in names {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return HeadlessChromium(executable: candidate)
                }
            }
        }
        return nil
    }()

    /// Browser tests run when the browser is there, and always in CI (`CI` set), where a missing
    /// browser must fail the run rather than let it pass without looking at a page.
    public static var shouldRun: Bool {
        found != nil || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// For `.enabled(if:_:)`, as `Comment(rawValue: HeadlessChromium.skipReason)`.
    public static let skipReason =
        "chromium is not on PATH (scripts/install-dependencies.sh installs it; CI fails without it)"

    /// The browser, or an error telling how to install it.
    public static func required() throws(BrowserError) -> HeadlessChromium {
        guard let found else { throw .notInstalled }
        return found
    }

    /// `.build/screenshots/` at the package root, where every browser test leaves its picture.
    public static let screenshotFolder = TestPaths.packageRoot.appendingPathComponent(".build/screenshots")

    /// Renders `page` at 1280 × `height` into `.build/screenshots/NAME.png`; returns the PNG's
    /// bytes after checking they are a non-empty PNG. `settle` (virtual milliseconds) lets a page's
    /// script run first, e.g. a form that submits itself and the navigation that follows.
    @discardableResult
    public func screenshot(of page: URL, named name: String, height: Int = 2000, settle: Int? = nil) throws -> Data {
        try FileManager.default.createDirectory(at: Self.screenshotFolder, withIntermediateDirectories: true)
        let output = Self.screenshotFolder.appendingPathComponent("\(name).png")
        try? FileManager.default.removeItem(at: output)
        _ = try run(
            ["--screenshot=\(output.path)", "--window-size=1280,\(height)"] + Self.settling(settle)
                + [page.absoluteString])
        guard let data = try? Data(contentsOf: output), !data.isEmpty else { throw BrowserError.noScreenshot(output) }
        guard data.starts(with: Self.pngSignature) else { throw BrowserError.notPNG(output) }
        return data
    }

    /// The document as the browser built it (`--dump-dom`), to check that the text rendered.
    public func renderedDOM(of page: URL, settle: Int? = nil) throws -> String {
        try run(["--dump-dom"] + Self.settling(settle) + [page.absoluteString])
    }

    private static func settling(_ milliseconds: Int?) -> [String] {
        milliseconds.map { ["--virtual-time-budget=\($0)"] } ?? []
    }

    static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// One browser process with its own profile folder, so tests running at once never share one.
    private func run(_ arguments: [String]) throws -> String {
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("telemed-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let result = try TestProcess.run(
            executable,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--user-data-dir=\(profile.path)",
            ] + arguments,
            timeout: .seconds(90))
        guard result.status == 0 else { throw BrowserError.failed(status: result.status, output: result.error) }
        return result.output
    }
}

/// Why a browser check could not be made.
public enum BrowserError: Error, CustomStringConvertible {
    case notInstalled
    case failed(status: Int32, output: String)
    case noScreenshot(URL)
    case notPNG(URL)

    public var description: String {
        switch self {
        case .notInstalled:
            "chromium is not on PATH: run scripts/install-dependencies.sh (Debian package chromium)"
        case .failed(let status, let output): "chromium exited with status \(status): \(output.suffix(2000))"
        case .noScreenshot(let url): "chromium wrote no screenshot at \(url.path)"
        case .notPNG(let url): "\(url.path) is not a PNG file"
        }
    }
}
