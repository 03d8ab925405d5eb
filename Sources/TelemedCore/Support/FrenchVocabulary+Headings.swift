extension FrenchVocabulary {
    /// "mars 2027".
    public static func month(_ month: CalendarMonth) -> String {
        "\(months[month.month - 1]) \(month.year)"
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
