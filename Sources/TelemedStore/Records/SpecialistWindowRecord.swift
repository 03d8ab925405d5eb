import TelemedCore

/// One weekly availability window of a specialist (local time).
struct SpecialistWindowRecord: StoreRecord {
    static let databaseTableName = "specialistWeeklyWindows"
    static let primaryKeyColumns = ["specialistId", "position"]

    var specialistId: Specialist.ID
    var position: Int
    var day: Weekday
    var start: LocalTime
    var end: LocalTime

    init(specialistId: Specialist.ID, position: Int, window: WeeklyWindow) {
        self.specialistId = specialistId
        self.position = position
        day = window.day
        start = window.start
        end = window.end
    }

    var window: WeeklyWindow { WeeklyWindow(day: day, start: start, end: end) }
}
