import Foundation

/// The words a person reads in a page or a feed, with markup and technical tokens taken out: for
/// HTML, the text between tags (scripts and styles dropped) plus the `aria-label`s a screen reader
/// speaks; for iCalendar, the values of the properties a calendar shows. Tokens holding a digit,
/// a slash, `@` or `:` inside (ids, URLs, times, addresses of feeds) are dropped too.
public enum VisibleText {
    public static func html(_ html: String) -> [String] {
        var text = html
        for pattern in ["<script\\b[^>]*>[\\s\\S]*?</script>", "<style\\b[^>]*>[\\s\\S]*?</style>"] {
            text = text.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        let labels = matches(of: "aria-label=\"([^\"]*)\"", in: text)
        text = text.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
        return words(decodingEntities(([text] + labels).joined(separator: " ")))
    }

    /// SUMMARY, DESCRIPTION, LOCATION and the calendar's name and description, unfolded and unescaped.
    public static func ics(_ ics: String) -> [String] {
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\r\n", with: "\n")
        let shown = ["SUMMARY", "DESCRIPTION", "LOCATION", "X-WR-CALNAME", "X-WR-CALDESC"]
        let values = unfolded.split(separator: "\n").compactMap { line -> String? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].split(separator: ";")[0]
            guard shown.contains(String(name)) else { return nil }
            return String(line[line.index(after: colon)...]).replacingOccurrences(of: "\\n", with: " ")
                .replacingOccurrences(of: "\\,", with: ",").replacingOccurrences(of: "\\;", with: ";")
        }
        return words(values.joined(separator: " "))
    }

    /// Kept inside a word, so a place such as "Is-sur-Tille" or "L’Isle-sur-le-Doubs" is one word
    /// and never read as the English "Is".
    private static let joiners: Set<Character> = ["-", "'", "’"]

    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: \.isWhitespace).filter { token in
            !token.contains { $0.isNumber || $0 == "/" || $0 == "@" } && !token.dropLast().contains(":")
        }.flatMap { $0.split { !$0.isLetter && !Self.joiners.contains($0) } }
            .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "-'’")) }.filter { !$0.isEmpty }
    }

    private static func decodingEntities(_ text: String) -> String {
        [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")].reduce(text) {
            $0.replacingOccurrences(of: $1.0, with: $1.1)
        }
    }

    private static func matches(of pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
            Range($0.range(at: 1), in: text).map { String(text[$0]) }
        }
    }
}
