import Foundation
import TelemedCore

/// A row of `specialists`. Specialties are JSON text (read with the specialist); the weekly
/// availability and its exceptions have their own tables, since an imported calendar replaces
/// the exceptions of one specialist and feeds read them by time.
struct SpecialistRecord: StoreRecord {
    static let databaseTableName = "specialists"

    var id: Specialist.ID
    var position: Int
    var name: String
    var rpps: String
    var specialties: [Specialty]
    var maxSessionsPerDay: Int
    var videoLink: String?
    var email: String?

    init(_ specialist: Specialist, position: Int) {
        id = specialist.id
        self.position = position
        name = specialist.name
        rpps = specialist.rpps
        specialties = specialist.specialties
        maxSessionsPerDay = specialist.maxSessionsPerDay
        videoLink = specialist.videoLink
        email = specialist.email
    }

    func specialist(windows: [SpecialistWindowRecord], exceptions: [SpecialistExceptionRecord]) -> Specialist {
        Specialist(
            id: id, name: name, rpps: rpps, specialties: specialties,
            weeklyAvailability: windows.sorted { $0.position < $1.position }.map(\.window),
            exceptions: exceptions.sorted { $0.position < $1.position }.map(\.exception),
            maxSessionsPerDay: maxSessionsPerDay, videoLink: videoLink, email: email)
    }
}
