import Foundation
import TelemedCore

extension TelemedDatabase {
    /// Records the `reminder.digest` events of `date` in one transaction: one for each site and one
    /// for each specialist with confirmed sessions that day (Paris time), listing them in start
    /// order. A recipient's digest of a day has one id, so calling this again the same day (a
    /// restart, a second wake-up) records nothing new: each is sent once. Returns how many were
    /// recorded.
    @discardableResult
    public func recordDigests(for date: LocalDate) throws -> Int {
        try database.write { db in
            let now = clock.now()
            let day = WallClock.paris.dayInterval(date)
            let rows = try db.fetchAll(
                sql: """
                    SELECT b.*, r.patientRef FROM bookings b JOIN requests r ON r.id = b.requestId
                    WHERE b.status = 'confirmed' AND b.start >= ? AND b.start < ? ORDER BY b.start, b.id
                    """, arguments: [day.start, day.end])
            let sessions = try rows.map { row in
                NotifiedBooking(try BookingRecord(row: row).booking, patientRef: row["patientRef"] ?? "")
            }
            var digests: [(key: String, NotifiedDigest)] = []
            for (siteId, ofSite) in Dictionary(grouping: sessions, by: \.siteId).sorted(by: { $0.key < $1.key }) {
                digests.append(("site|\(siteId)", NotifiedDigest(date: date, siteId: siteId, sessions: ofSite)))
            }
            let bySpecialist = Dictionary(grouping: sessions.filter { $0.specialistId != nil }) { $0.specialistId! }
            for (specialistId, theirs) in bySpecialist.sorted(by: { $0.key < $1.key }) {
                digests.append(
                    (
                        "specialist|\(specialistId)",
                        NotifiedDigest(date: date, specialistId: specialistId, sessions: theirs)
                    ))
            }
            var recorded = 0
            for (key, digest) in digests {
                let id = NotificationRows.eventId("\(NotificationKind.reminderDigest.rawValue)|\(key)|\(date)")
                recorded += try NotificationRows.insert(
                    NotificationEvent(id: id, type: .reminderDigest, occurredAt: now, digest: digest), db)
            }
            return recorded
        }
    }
}
