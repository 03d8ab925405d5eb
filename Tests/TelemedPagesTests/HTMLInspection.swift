import Foundation

/// Just enough reading of our own generated HTML to check forms and labels: tags and their
/// attributes by regular expression (the pages are machine-written, attributes always quoted).
struct HTMLInspection {
    struct Tag {
        var name: String
        var attributes: [String: String]
    }

    var html: String

    func tags(_ names: Set<String>) -> [Tag] {
        let pattern = try! NSRegularExpression(pattern: "<(input|select|textarea|label|form|button|meta)\\b([^>]*)>")
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { match in
            let name = String(html[Range(match.range(at: 1), in: html)!])
            guard names.contains(name) else { return nil }
            return Tag(name: name, attributes: Self.attributes(String(html[Range(match.range(at: 2), in: html)!])))
        }
    }

    static func attributes(_ text: String) -> [String: String] {
        let pattern = try! NSRegularExpression(pattern: "([a-z-]+)(?:=\"([^\"]*)\")?")
        var result: [String: String] = [:]
        for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let name = String(text[Range(match.range(at: 1), in: text)!])
            result[name] = Range(match.range(at: 2), in: text).map { String(text[$0]) } ?? ""
        }
        return result
    }

    /// The text of each `<form …>…</form>`.
    var forms: [String] {
        html.components(separatedBy: "<form ").dropFirst().map { $0.components(separatedBy: "</form>")[0] }
    }

    /// Controls a person fills in (not hidden fields, not buttons).
    var visibleControls: [Tag] {
        tags(["input", "select", "textarea"]).filter { $0.attributes["type"] != "hidden" }
    }

    var labelTargets: Set<String> { Set(tags(["label"]).compactMap { $0.attributes["for"] }) }

    /// The element with this id, as text from its tag to the next tag's end (an error paragraph).
    func element(id: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        return html[start.upperBound...].components(separatedBy: "</")[0]
    }
}
