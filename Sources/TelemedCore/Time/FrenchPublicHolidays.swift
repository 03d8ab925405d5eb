/// French public holidays (Code du travail, art. L3133-1), computed rather than listed so any year
/// works: eight fixed dates and three that follow Easter. Sites and units close on them unless a
/// scenario says otherwise.
///
/// Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle) adds Good Friday and 26 December under local law
/// (art. L3134-13); pass `alsaceMoselle: true` for sites in departments 57, 67 and 68.
public enum FrenchPublicHolidays {
    /// Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    /// Exact for every year from 1583, the first full year of the Gregorian calendar.
    public static func easterSunday(year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return LocalDate(year: year, month: month, day: day)!
    }

    /// The public holidays of `year`, sorted by date: eleven nationally, thirteen in Alsace-Moselle.
    public static func holidays(in year: Int, alsaceMoselle: Bool = false) -> [PublicHoliday] {
        let easter = easterSunday(year: year)
        func fixed(_ month: Int, _ day: Int, _ name: String) -> PublicHoliday {
            PublicHoliday(date: LocalDate(year: year, month: month, day: day)!, name: name)
        }
        func afterEaster(_ days: Int, _ name: String) -> PublicHoliday {
            PublicHoliday(date: easter.adding(days: days), name: name)
        }
        var result = [
            fixed(1, 1, "Jour de l'an"),
            afterEaster(1, "Lundi de Pâques"),
            fixed(5, 1, "Fête du Travail"),
            fixed(5, 8, "Victoire 1945"),
            afterEaster(39, "Ascension"),
            afterEaster(50, "Lundi de Pentecôte"),
            fixed(7, 14, "Fête nationale"),
            fixed(8, 15, "Assomption"),
            fixed(11, 1, "Toussaint"),
            fixed(11, 11, "Armistice 1918"),
            fixed(12, 25, "Noël"),
        ]
        if alsaceMoselle {
            result += [afterEaster(-2, "Vendredi saint"), fixed(12, 26, "Saint-Étienne")]
        }
        // Ascension can fall on 1 or 8 May (2008: 1 May); a stable sort keeps both, fixed first.
        return result.enumerated()
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
    }

    /// The public holidays from `first` through `last`, both included, sorted by date.
    public static func holidays(
        from first: LocalDate, through last: LocalDate, alsaceMoselle: Bool = false
    ) -> [PublicHoliday] {
        guard first <= last else { return [] }
        return (first.year...last.year)
            .flatMap { holidays(in: $0, alsaceMoselle: alsaceMoselle) }
            .filter { first <= $0.date && $0.date <= last }
    }

    /// True when `date` is a public holiday.
    public static func isHoliday(_ date: LocalDate, alsaceMoselle: Bool = false) -> Bool {
        holidays(in: date.year, alsaceMoselle: alsaceMoselle).contains { $0.date == date }
    }
}
