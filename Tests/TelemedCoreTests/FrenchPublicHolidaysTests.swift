import Foundation
import Testing

@testable import TelemedCore

@Suite("French public holidays")
struct FrenchPublicHolidaysTests {
    /// Year, then the dates of the moving feasts: Easter Sunday, Easter Monday, Ascension, Whit Monday.
    static let movingFeasts: [(Int, String, String, String, String)] = [
        (2025, "2025-04-20", "2025-04-21", "2025-05-29", "2025-06-09"),
        (2026, "2026-04-05", "2026-04-06", "2026-05-14", "2026-05-25"),
        (2027, "2027-03-28", "2027-03-29", "2027-05-06", "2027-05-17"),
        (2028, "2028-04-16", "2028-04-17", "2028-05-25", "2028-06-05"),
    ]

    @Test("The eleven national holidays of 2025–2028 fall on the known dates, sorted", arguments: movingFeasts)
    func nationalList(feasts: (Int, String, String, String, String)) throws {
        let (year, easter, easterMonday, ascension, whitMonday) = feasts
        #expect(FrenchPublicHolidays.easterSunday(year: year) == (try LocalDate(easter)))
        let expected: [(String, String)] = [
            ("\(year)-01-01", "Jour de l'an"), (easterMonday, "Lundi de Pâques"),
            ("\(year)-05-01", "Fête du Travail"), ("\(year)-05-08", "Victoire 1945"),
            (ascension, "Ascension"), (whitMonday, "Lundi de Pentecôte"),
            ("\(year)-07-14", "Fête nationale"), ("\(year)-08-15", "Assomption"),
            ("\(year)-11-01", "Toussaint"), ("\(year)-11-11", "Armistice 1918"),
            ("\(year)-12-25", "Noël"),
        ]
        // ISO date strings sort by date; in 2027 Ascension (6 May) comes before Victoire 1945.
        let holidays = FrenchPublicHolidays.holidays(in: year)
        #expect(
            holidays
                == (try expected.sorted { $0.0 < $1.0 }.map { PublicHoliday(date: try LocalDate($0.0), name: $0.1) }))
    }

    @Test("Easter Sunday matches published dates, including the earliest and latest possible")
    func easterKnownYears() throws {
        let known = [
            (1583, "1583-04-10"), (1818, "1818-03-22"), (1943, "1943-04-25"),
            (2008, "2008-03-23"), (2038, "2038-04-25"), (2285, "2285-03-22"),
        ]
        for (year, text) in known {
            #expect(FrenchPublicHolidays.easterSunday(year: year) == (try LocalDate(text)), "year \(year)")
        }
    }

    @Test("Alsace-Moselle adds Vendredi saint and Saint-Étienne: 13 holidays instead of 11")
    func alsaceMoselle() throws {
        let national = FrenchPublicHolidays.holidays(in: 2026)
        let local = FrenchPublicHolidays.holidays(in: 2026, alsaceMoselle: true)
        #expect(national.count == 11)
        #expect(local.count == 13)
        #expect(
            Set(local).subtracting(national) == [
                PublicHoliday(date: try LocalDate("2026-04-03"), name: "Vendredi saint"),
                PublicHoliday(date: try LocalDate("2026-12-26"), name: "Saint-Étienne"),
            ])
        #expect(local.map(\.date) == local.map(\.date).sorted())
        #expect(local[1].name == "Vendredi saint")
        #expect(local.last?.name == "Saint-Étienne")
    }

    @Test("Ascension on 1 May (2008) is kept next to Fête du Travail")
    func ascensionOnMayDay() throws {
        let holidays = FrenchPublicHolidays.holidays(in: 2008)
        #expect(holidays.count == 11)
        #expect(
            holidays.filter { $0.date == (try? LocalDate("2008-05-01")) }.map(\.name) == [
                "Fête du Travail", "Ascension",
            ])
    }

    @Test("isHoliday is true on holidays only, and Alsace-Moselle extras only when asked")
    func isHoliday() throws {
        #expect(FrenchPublicHolidays.isHoliday(try LocalDate("2026-05-14")))
        #expect(FrenchPublicHolidays.isHoliday(try LocalDate("2027-11-11")))
        #expect(!FrenchPublicHolidays.isHoliday(try LocalDate("2026-05-15")))
        #expect(!FrenchPublicHolidays.isHoliday(try LocalDate("2026-04-05")))
        #expect(!FrenchPublicHolidays.isHoliday(try LocalDate("2026-04-03")))
        #expect(FrenchPublicHolidays.isHoliday(try LocalDate("2026-04-03"), alsaceMoselle: true))
        #expect(!FrenchPublicHolidays.isHoliday(try LocalDate("2026-12-26")))
        #expect(FrenchPublicHolidays.isHoliday(try LocalDate("2026-12-26"), alsaceMoselle: true))
    }

    @Test("A range across New Year keeps only the holidays inside it, both ends included")
    func range() throws {
        let first = try LocalDate("2026-12-25")
        let last = try LocalDate("2027-01-01")
        #expect(FrenchPublicHolidays.holidays(from: first, through: last).map(\.name) == ["Noël", "Jour de l'an"])
        #expect(
            FrenchPublicHolidays.holidays(from: first, through: last, alsaceMoselle: true).map(\.name)
                == ["Noël", "Saint-Étienne", "Jour de l'an"])
        #expect(FrenchPublicHolidays.holidays(from: first.adding(days: 1), through: last.adding(days: -1)).isEmpty)
        #expect(FrenchPublicHolidays.holidays(from: last, through: first).isEmpty)
    }

    @Test("A holiday encodes as a date string and a name")
    func codable() throws {
        let holiday = PublicHoliday(date: try LocalDate("2027-05-06"), name: "Ascension")
        let data = try JSONEncoder().encode(holiday)
        #expect(try JSONDecoder().decode(PublicHoliday.self, from: data) == holiday)
        #expect(String(decoding: data, as: UTF8.self).contains("\"2027-05-06\""))
    }
}
