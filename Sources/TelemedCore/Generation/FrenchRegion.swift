/// A French region and the time zone its clocks follow. telemed plans in Europe/Paris only
/// (opening hours, shifts and availability are Paris wall-clock times), so only the 13
/// metropolitan regions, Corsica included, can be planned; the five overseas regions are refused.
public struct FrenchRegion: Hashable, Sendable {
    public var code: String
    public var name: String
    /// The IANA time zone of the region's clocks.
    public var timeZone: String

    public var isMetropolitan: Bool { timeZone == Self.plannedTimeZone }

    /// The time zone every rule of a scenario is written in.
    public static let plannedTimeZone = "Europe/Paris"

    /// INSEE codes of the overseas regions and their time zones; every other region is metropolitan.
    static let overseasTimeZones = [
        "01": "America/Guadeloupe", "02": "America/Martinique", "03": "America/Cayenne", "04": "Indian/Reunion",
        "06": "Indian/Mayotte",
    ]

    init(code: String, name: String) {
        self.code = code
        self.name = name
        timeZone = Self.overseasTimeZones[code] ?? Self.plannedTimeZone
    }
}
