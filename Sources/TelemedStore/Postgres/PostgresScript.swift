import Foundation

/// A migration script cut into its statements: PostgresNIO sends each query as one prepared
/// statement, which holds one command. A `;` inside quotes or a `$$` function body does not end
/// a statement.
enum PostgresScript {
    static func statements(_ script: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var quote: Character?
        var inBody = false
        var previous: Character = " "
        for character in script {
            current.append(character)
            if inBody {
                if previous == "$" && character == "$" {
                    inBody = false
                    previous = " "
                    continue
                }
            } else if let open = quote {
                if character == open { quote = nil }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if previous == "$" && character == "$" {
                inBody = true
                previous = " "
                continue
            } else if character == ";" {
                let statement = current.dropLast().trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { statements.append(statement) }
                current = ""
            }
            previous = character
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }
}
