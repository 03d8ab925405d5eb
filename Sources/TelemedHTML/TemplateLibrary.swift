import Foundation
import Mustache

/// The Mustache templates of one or more modules, loaded once from their `Templates` resource
/// folders into one `MustacheLibrary`, so a page's template can use TelemedHTML's partials (the
/// document frame, charts, maps) as `{{>bar-chart}}` or `{{<document}}`.
///
/// Every `{{name}}` is HTML-escaped by the engine (`& < > " '`), in text and in attribute values
/// alike: that is the only escaping in the project. No template uses `{{{…}}}` or `{{&…}}`;
/// composition goes through partials and inheritance, so nothing pre-rendered is ever inserted.
///
/// Contexts are typed structs read through their stored properties. Mustache looks a name up in
/// the enclosing contexts when the innermost has no such property or holds nil there, so nested
/// contexts keep their optional names distinct from their parents' (or use flags and arrays).
///
/// ```swift
/// static let templates = TemplateLibrary(bundles: [TelemedHTML.templates, .module])
/// let html = templates.render(context, "staff-page")
/// ```
public struct TemplateLibrary: Sendable {
    private let library: MustacheLibrary

    /// Loads every `*.mustache` under each bundle's `Templates` folder, named by its path there
    /// without the extension; a later bundle's template replaces an earlier one of the same name.
    /// A template that does not parse stops the program: templates ship with the code, and the
    /// tests render every one.
    public init(bundles: [Bundle]) {
        var library = MustacheLibrary()
        for bundle in bundles {
            guard let folder = bundle.url(forResource: "Templates", withExtension: nil) else {
                preconditionFailure("\(bundle.bundlePath) has no Templates folder")
            }
            for (name, text) in Self.templateFiles(in: folder) {
                do {
                    try library.register(text, named: name)
                } catch {
                    preconditionFailure("template \(name) does not parse: \(error)")
                }
            }
        }
        self.library = library
    }

    /// Renders `context` with the template `name`.
    public func render(_ context: Any, _ name: String) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            preconditionFailure("no template named \(name)")
        }
        return text
    }

    private static func templateFiles(in folder: URL) -> [(name: String, text: String)] {
        let files =
            FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "mustache" } ?? []
        let prefix = folder.standardizedFileURL.path + "/"
        return files.map { file in
            let path = file.standardizedFileURL.deletingPathExtension().path
            let name = path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : file.lastPathComponent
            guard let text = try? String(contentsOf: file, encoding: .utf8) else {
                preconditionFailure("template \(file.path) is unreadable")
            }
            return (name, text)
        }
    }
}
