/// The rule a contact e-mail address of the scenario must follow: a plain `local@domain` address,
/// no display name, no comments, nothing a mail header could be split on. Deliberately narrower than
/// RFC 5322 (no quoted local parts, no address literals): these are the addresses of care teams'
/// mailboxes, and what passes here passes the mailer's own check.
public enum ContactAddress {
    /// Why `address` is refused, in words a person fixing the scenario can act on; nil when it is fine.
    public static func problem(with address: String) -> String? {
        guard address.utf8.count <= 254 else { return "is longer than 254 characters" }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            return "\"\(printable(address))\" is not an e-mail address (name@domain.fr)"
        }
        let (local, domain) = (parts[0], parts[1])
        guard local.utf8.count <= 64, isDotAtom(local) else {
            return
                "the part before @ in \"\(printable(address))\" may hold letters, digits, dots and !#$%&'*+/=?^_`{|}~-"
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy(isLabel) else {
            return "the domain in \"\(printable(address))\" is not a domain name such as ehpad-exemple.fr"
        }
        return nil
    }

    private static let atomSymbols = Set("!#$%&'*+/=?^_`{|}~-".unicodeScalars)

    private static func isDotAtom(_ text: Substring) -> Bool {
        text.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { atom in
            !atom.isEmpty
                && atom.unicodeScalars.allSatisfy { $0.isASCII && (isAlphanumeric($0) || atomSymbols.contains($0)) }
        }
    }

    private static func isLabel(_ label: Substring) -> Bool {
        (1...63).contains(label.utf8.count) && label.first != "-" && label.last != "-"
            && label.unicodeScalars.allSatisfy { $0.isASCII && (isAlphanumeric($0) || $0 == "-") }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Control characters shown escaped, so a hostile value cannot break the message's line.
    private static func printable(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.prefix(80).flatMap { scalar in
                    scalar.properties.generalCategory == .control
                        ? Array(scalar.escaped(asASCII: true).unicodeScalars) : [scalar]
                }))
    }
}
