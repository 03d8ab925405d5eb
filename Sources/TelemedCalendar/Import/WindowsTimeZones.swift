/// Zone names Outlook and Exchange write as TZID instead of IANA names, for files that omit the
/// VTIMEZONE defining them. A file's own VTIMEZONE always wins over this table.
enum WindowsTimeZones {
    static let iana: [String: String] = [
        "Romance Standard Time": "Europe/Paris",
        "(UTC+01:00) Brussels, Copenhagen, Madrid, Paris": "Europe/Paris",
        "W. Europe Standard Time": "Europe/Berlin",
        "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna": "Europe/Berlin",
        "Central Europe Standard Time": "Europe/Budapest",
        "Central European Standard Time": "Europe/Warsaw",
        "GMT Standard Time": "Europe/London",
        "Greenwich Standard Time": "Atlantic/Reykjavik",
        "E. Europe Standard Time": "Europe/Chisinau",
        "FLE Standard Time": "Europe/Kiev",
        "GTB Standard Time": "Europe/Bucharest",
        "Morocco Standard Time": "Africa/Casablanca",
        "Eastern Standard Time": "America/New_York",
        "Central Standard Time": "America/Chicago",
        "Mountain Standard Time": "America/Denver",
        "Pacific Standard Time": "America/Los_Angeles",
        "SA Western Standard Time": "America/La_Paz",
        "Arabian Standard Time": "Asia/Dubai",
        "Mauritius Standard Time": "Indian/Mauritius",
    ]

    /// Names that mean UTC itself.
    static let utcNames: Set<String> = ["UTC", "GMT", "Etc/UTC", "Etc/GMT", "Z", "Coordinated Universal Time"]
}
