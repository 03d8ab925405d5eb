import Foundation

/// The Python the mail tests run: the project's venv (`.build/python`, made by
/// scripts/install-dependencies.sh), else `python3` on PATH for the standard library's email
/// package. The SMTP server needs the venv's aiosmtpd and trustme.
public enum MailPython {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    public static let venvPython = TestPaths.packageRoot.appendingPathComponent(".build/python/bin/python")

    /// True when the venv can run scripts/smtp_test_server.py.
    public static let hasServerTools: Bool = {
        guard FileManager.default.isExecutableFile(atPath: venvPython.path) else { return false }
        let probe = try? TestProcess.run(venvPython, ["-c", "import aiosmtpd, trustme"], timeout: .seconds(60))
        return probe?.status == 0
    }()

    /// End-to-end tests run when the tools are there, and always in CI (`CI` set), where missing
    /// tools must fail the run rather than let it pass without talking to a server.
    public static var shouldRun: Bool {
        hasServerTools || ProcessInfo.processInfo.environment["CI"] != nil
    }

    /// For `.enabled(if:_:)`, as `Comment(rawValue: MailPython.skipReason)`.
    public static let skipReason =
        "the venv .build/python lacks aiosmtpd or trustme (scripts/install-dependencies.sh installs them; "
        + "CI fails without them)"

    public static func requireServerTools() throws {
        guard hasServerTools else {
            throw Missing(
                description:
                    "\(venvPython.path) cannot import aiosmtpd and trustme: run scripts/install-dependencies.sh.")
        }
    }

    /// Runs a script of `scripts/` to its end with the venv's Python, else `python3` on PATH.
    public static func run(_ script: String, _ arguments: [String]) throws -> TestProcess.Result {
        let venv = FileManager.default.isExecutableFile(atPath: venvPython.path)
        let path = TestPaths.packageRoot.appendingPathComponent("scripts/\(script)").path
        return try TestProcess.run(
            venv ? venvPython : URL(fileURLWithPath: "/usr/bin/env"), (venv ? [] : ["python3"]) + [path] + arguments,
            timeout: .seconds(60))
    }
}
