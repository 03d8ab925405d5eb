import Foundation

/// `--pdf`: a page printed by headless Chromium, the browser the report is written for, so the PDF
/// looks as the page does in print preview (the report's print style applies). Chromium is a
/// dependency of this option only; without it the command says how to install it.
struct ChromiumPDF {
    let executable: URL

    /// The names Debian, Ubuntu and Google give the browser.
    static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The first browser on `PATH`, or an error saying how to get one.
    static func located(path: String? = ProcessInfo.processInfo.environment["PATH"]) throws -> ChromiumPDF {
        for folder in (path ?? "").split(separator: ":") {
            for name in names {
                let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return ChromiumPDF(executable: candidate)
                }
            }
        }
        throw InputError(
            "--pdf needs headless Chromium, and none of \(names.joined(separator: ", ")) is on PATH: install it "
                + "(Debian: apt-get install chromium, as scripts/install-dependencies.sh does), then run again")
    }

    /// Prints `page` (an HTML file) to `pdf`; Chromium's own message when it fails.
    func print(_ page: URL, to pdf: URL) throws {
        // A profile of its own, so two runs at once never share one and nothing lingers.
        let profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("telemed-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        try? FileManager.default.removeItem(at: pdf)
        let process = Process()
        process.executableURL = executable
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteURL.absoluteString,
        ]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw InputError("cannot start \(executable.path): \(error.localizedDescription)")
        }
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let written = (try? Data(contentsOf: pdf, options: .mappedIfSafe))?.starts(with: Data("%PDF".utf8)) ?? false
        guard process.terminationStatus == 0, written else {
            throw InputError(
                "\(executable.lastPathComponent) could not print \(page.path) to PDF "
                    + "(status \(process.terminationStatus)): \(message.suffix(1_000))")
        }
    }
}
