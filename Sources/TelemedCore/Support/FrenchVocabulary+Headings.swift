extension FrenchVocabulary {
    /// "mars 2027".
    public static func month(_ month: CalendarMonth) -> String {
        "\(months[month.month - 1]) \(month.year)"
    }

    /// "sept. 2027", under a chart's bars, abbreviated as French writes months.
    public static func shortMonth(_ month: CalendarMonth) -> String {
        let short = [
            "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.",
        ]
        return "\(short[month.month - 1]) \(month.year)"
    }

    /// "Mars 2027", at the head of a row.
    public static func monthHeading(_ month: CalendarMonth) -> String {
        heading(self.month(month))
    }

    /// A label at the head of a row or a column, its first letter capitalised: "Semi-urgent".
    public static func heading(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
