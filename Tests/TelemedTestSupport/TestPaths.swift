import Foundation

/// Places the tests share, found from this file's location.
public enum TestPaths {
    /// The package root (two folders above `Tests/TelemedTestSupport`).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh folder under the system's temporary folder, not created yet.
    public static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("telemed-tests-\(UUID().uuidString)")
            .appendingPathComponent(name)
    }
}
