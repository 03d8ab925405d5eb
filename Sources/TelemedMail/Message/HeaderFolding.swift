/// Header fields as words joined by single spaces, folded (CRLF before a space) so lines stay at
/// 78 characters where the words allow it and never pass RFC 5322's 998.
enum HeaderFolding {
    static let preferredLength = 78
    static let maximumLength = 998

    /// `Name: words…`, folded. Unfolding (removing each CRLF) gives back the words joined by spaces.
    static func field(_ name: String, words: [String]) throws(MailMessageError) -> String {
        var lines: [String] = []
        var line = name + ":"
        for word in words {
            // Right after the colon only when the word then fits: a long header name needs it.
            let fitsAlone = 1 + word.count <= preferredLength
            if line.count + 1 + word.count > preferredLength, line != name + ":" || fitsAlone {
                lines.append(line)
                line = ""
            }
            line += " " + word
        }
        lines.append(line)
        guard lines.allSatisfy({ $0.utf8.count <= maximumLength }) else { throw .headerTooLong(name) }
        return lines.joined(separator: "\r\n")
    }

    /// Free text (a subject): kept as it is when it is printable ASCII that folds cleanly,
    /// else encoded-words, which also keep leading, trailing and repeated spaces exactly.
    static func unstructured(_ text: String, name: String) throws(MailMessageError) -> [String] {
        guard !MailSyntax.hasControlCharacter(text) else { throw .controlCharacterInHeader(name) }
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let room = preferredLength - name.count - 2
        let plain =
            text.unicodeScalars.allSatisfy { $0.isASCII } && !text.contains("=?")
            && words.allSatisfy { !$0.isEmpty && $0.count <= room }
        return plain || text.isEmpty ? words : EncodedWord.encode(text)
    }

    /// Mailboxes separated by commas: `"Name" <address>` (or encoded-words for the name), or the
    /// bare address when there is no name.
    static func mailboxList(_ mailboxes: [MailAddress]) -> [String] {
        var words: [String] = []
        for (index, mailbox) in mailboxes.enumerated() {
            var mailboxWords = mailbox.displayName.map(phrase) ?? []
            mailboxWords.append(mailbox.displayName == nil ? mailbox.address : "<\(mailbox.address)>")
            if index < mailboxes.count - 1 { mailboxWords[mailboxWords.count - 1] += "," }
            words += mailboxWords
        }
        return words
    }

    /// A display name: a quoted-string when it is short printable ASCII; else its words, plain
    /// atoms left as they are and each run of other words as one encoded-word. Readers disagree
    /// on the space between two encoded-words in a name (RFC 2047 drops it, Python's email package
    /// keeps it), so a run is split only when it passes an encoded-word's 75 characters.
    static func phrase(_ name: String) -> [String] {
        let printable = name.unicodeScalars.allSatisfy { $0.isASCII } && !name.contains("=?")
        if printable, name.count <= 60 {
            return [
                "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    + "\""
            ]
        }
        var words: [String] = []
        var run: [Substring] = []
        func flushRun() {
            if !run.isEmpty { words += EncodedWord.encode(run.joined(separator: " "), maximumLength: 75) }
            run = []
        }
        for word in name.split(separator: " ") {
            if word.utf8.allSatisfy(MailSyntax.isAtext), !word.contains("=?") {
                flushRun()
                words.append(String(word))
            } else {
                run.append(word)
            }
        }
        flushRun()
        return words
    }
}
