import Foundation
import TelemedCore

/// One availability exception of a specialist (UTC instants).
struct SpecialistExceptionRecord: StoreRecord {
    static let databaseTableName = "specialistExceptions"
    static let primaryKeyColumns = ["specialistId", "position"]

    var specialistId: Specialist.ID
    var position: Int
    var kind: AvailabilityException.Kind
    var start: Date
    var end: Date
    var note: String?

    init(specialistId: Specialist.ID, position: Int, exception: AvailabilityException) {
        self.specialistId = specialistId
        self.position = position
        kind = exception.kind
        start = exception.start
        end = exception.end
        note = exception.note
    }

    var exception: AvailabilityException { AvailabilityException(kind: kind, start: start, end: end, note: note) }
}
