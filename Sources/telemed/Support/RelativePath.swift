import Foundation

/// A file's path as seen from a folder ("../bfc-demo.json"), for documents that name another
/// file relative to themselves, as a what-if study names its base.
enum RelativePath {
    static func from(folder: URL, to file: URL) -> String {
        let from = folder.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        let to = file.standardizedFileURL.resolvingSymlinksInPath().pathComponents
        var shared = 0
        while shared < min(from.count, to.count) && from[shared] == to[shared] { shared += 1 }
        // Nothing in common but the root: an absolute path says it best.
        guard shared > 1 else { return file.standardizedFileURL.path }
        return (Array(repeating: "..", count: from.count - shared) + to[shared...]).joined(separator: "/")
    }
}
