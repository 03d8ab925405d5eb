import Foundation
import TelemedCalendar

/// The folder `telemed publish` writes: the feeds and `index.json`. Feeds listed by the previous
/// index and gone from the new one are removed; no other file is touched.
struct FeedFolder {
    let path: String

    static let indexName = "index.json"

    func replace(with feeds: [PublishedFeed]) throws {
        let folder = URL(fileURLWithPath: path, isDirectory: true)
        let indexURL = folder.appendingPathComponent(Self.indexName)
        let previous = (try? Data(contentsOf: indexURL)).flatMap {
            try? JSONDecoder().decode([FeedIndexEntry].self, from: $0)
        }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for feed in feeds {
                try Data(feed.text.utf8).write(to: folder.appendingPathComponent(feed.fileName), options: .atomic)
            }
            try FeedPublisher.indexJSON(feeds).write(to: indexURL, options: .atomic)
        } catch {
            throw InputError("cannot write the feeds to \(path): \(error.localizedDescription)")
        }
        let current = Set(feeds.map(\.fileName))
        for entry in previous ?? [] where !current.contains(entry.fileName) && !entry.fileName.contains("/") {
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry.fileName))
        }
    }
}
