/// What a notification e-mail says, once: the plain-text and HTML versions are both rendered from
/// it, so they cannot tell different stories.
struct MailContent: Hashable, Sendable {
    struct Line: Hashable, Sendable {
        /// "Date", "Lieu"; nil for a line of its own.
        var label: String?
        var text: String
    }

    struct Section: Hashable, Sendable {
        var title: String?
        var lines: [Line]
    }

    var subject: String
    var intro: String
    var sections: [Section]
    var footer: String

    var plainText: String {
        var parts = ["Bonjour,", intro]
        for section in sections {
            var block: [String] = []
            if let title = section.title { block.append(title) }
            for line in section.lines {
                block.append(line.label.map { "- \($0) : \(line.text)" } ?? "- \(line.text)")
            }
            parts.append(block.joined(separator: "\n"))
        }
        parts.append("-- \n" + footer)
        return parts.joined(separator: "\n\n") + "\n"
    }

    var html: String {
        var body = "<p>Bonjour,</p>\n<p>\(escaped(intro))</p>\n"
        for section in sections {
            if let title = section.title { body += "<h2 style=\"font-size:1em\">\(escaped(title))</h2>\n" }
            body += "<ul>\n"
            for line in section.lines {
                let label = line.label.map { "<strong>\(escaped($0))</strong> : " } ?? ""
                body += "<li>\(label)\(escaped(line.text))</li>\n"
            }
            body += "</ul>\n"
        }
        body += "<p style=\"color:#555;font-size:0.9em\">\(escaped(footer))</p>\n"
        return """
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>\(escaped(subject))</title></head>
            <body>
            \(body)</body></html>

            """
    }

    private func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
