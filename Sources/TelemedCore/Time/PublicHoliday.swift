/// A French public holiday (jour férié) on one date, named in official French wording, because
/// planners read the name on reports and the ICS feed shows it to staff as is.
///
/// ```json
/// {"date": "2027-05-06", "name": "Ascension"}
/// ```
public struct PublicHoliday: Codable, Hashable, Sendable {
    public var date: LocalDate
    /// Official French name, e.g. "Lundi de Pâques", "Armistice 1918".
    public var name: String

    public init(date: LocalDate, name: String) {
        self.date = date
        self.name = name
    }
}
