/// The store writes `?` placeholders, as SQLite reads them; PostgreSQL numbers them (`$1`, `$2`…).
/// A `?` inside a string literal, a quoted name or a comment is text, not a placeholder.
enum PostgresPlaceholders {
    /// `sql` with its placeholders numbered, and how many there were.
    static func numbered(_ sql: String) -> (sql: String, count: Int) {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 8)
        var count = 0
        var characters = sql.makeIterator()
        var pending: Character?
        func next() -> Character? {
            if let character = pending {
                pending = nil
                return character
            }
            return characters.next()
        }
        while let character = next() {
            switch character {
            case "?":
                count += 1
                output += "$\(count)"
            case "'", "\"":
                // Quoted text or name: '' (or "") inside is the quote itself, so reading to each
                // closing quote and carrying on covers it.
                output.append(character)
                while let inside = next() {
                    output.append(inside)
                    if inside == character { break }
                }
            case "-":
                output.append(character)
                guard let following = next() else { break }
                if following == "-" {
                    output.append(following)
                    while let inside = next() {
                        output.append(inside)
                        if inside == "\n" { break }
                    }
                } else {
                    pending = following
                }
            case "/":
                output.append(character)
                guard let following = next() else { break }
                if following == "*" {
                    output.append(following)
                    var previous: Character = " "
                    while let inside = next() {
                        output.append(inside)
                        if previous == "*" && inside == "/" { break }
                        previous = inside
                    }
                } else {
                    pending = following
                }
            default:
                output.append(character)
            }
        }
        return (output, count)
    }
}
