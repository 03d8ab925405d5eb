extension FrenchVocabulary {
    /// "mars 2027".
    public static func month(_ month: CalendarMonth) -> String {
        "\(months[month.month - 1]) \(month.year)"
    }

    /// "Mars 2027", at the head of a row.
    public static func monthHeading(_ month: CalendarMonth) -> String {
        let text = self.month(month)
        return text.prefix(1).uppercased() + text.dropFirst()
    }
}
