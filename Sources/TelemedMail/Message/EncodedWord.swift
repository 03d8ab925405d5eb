/// RFC 2047 encoded-words in the Q encoding, for header text that is not plain ASCII (French
/// accents in a subject or a display name). Readable enough in a raw message, and safe in a
/// phrase: only letters, digits and `! * + - /` stay literal, which RFC 2047 §5(3) allows there.
enum EncodedWord {
    /// At most this many characters per word by default, so `Subject: ` plus one word stays under
    /// 78; RFC 2047's own limit is 75.
    static let preferredLength = 66
    static let prefix = "=?UTF-8?Q?"
    static let suffix = "?="

    /// Words to be separated by folding white space; a decoder drops the space between two
    /// encoded-words, so the text's own spaces are encoded (`_`) inside them. A character is never
    /// split across two words (RFC 2047 §5).
    static func encode(_ text: String, maximumLength: Int = preferredLength) -> [String] {
        let room = maximumLength - prefix.count - suffix.count
        var words: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            let encoded = encode(scalar)
            if current.count + encoded.count > room {
                words.append(prefix + current + suffix)
                current = ""
            }
            current += encoded
        }
        words.append(prefix + current + suffix)
        return words
    }

    private static func encode(_ scalar: Unicode.Scalar) -> String {
        if scalar == " " { return "_" }
        if scalar.isASCII, MailSyntax.isLetterOrDigit(UInt8(scalar.value)) || "!*+-/".unicodeScalars.contains(scalar) {
            return String(scalar)
        }
        return String(scalar).utf8.map { "=" + MailSyntax.hex($0) }.joined()
    }
}
