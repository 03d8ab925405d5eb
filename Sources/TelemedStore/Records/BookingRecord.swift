import Foundation
import GRDB
import TelemedCore

/// A row of `bookings`: every field the confirm re-check queries is a column (specialist, site,
/// host unit, times, status). `specialistId` is nullable for crew-only bookings.
struct BookingRecord: StoreRecord {
    static let databaseTableName = "bookings"

    var id: Booking.ID
    var position: Int
    var requestId: ConsultationRequest.ID
    var specialistId: Specialist.ID?
    var siteId: Site.ID
    var start: Date
    var end: Date
    var reviewStart: Date?
    var reviewEnd: Date?
    var hostUnitId: MobileUnit.ID?
    var status: BookingStatus
    var version: Int
    var room: Int?
    var outcomeReason: OutcomeReason?

    init(_ booking: Booking, position: Int) {
        id = booking.id
        self.position = position
        requestId = booking.requestId
        specialistId = booking.specialistId
        siteId = booking.siteId
        start = booking.start
        end = booking.end
        reviewStart = booking.review?.start
        reviewEnd = booking.review?.end
        hostUnitId = booking.host.unitId
        status = booking.status
        version = booking.version
        room = booking.room
        outcomeReason = booking.outcomeReason
    }

    /// Read by hand: bookings are read on every confirmation, and `Codable` decoding costs several
    /// times more.
    init(row: Row) throws {
        id = row["id"]
        position = row["position"]
        requestId = row["requestId"]
        specialistId = row["specialistId"]
        siteId = row["siteId"]
        start = row["start"]
        end = row["end"]
        reviewStart = row["reviewStart"]
        reviewEnd = row["reviewEnd"]
        hostUnitId = row["hostUnitId"]
        guard let status = BookingStatus(rawValue: row["status"]) else {
            throw StoreError.unknownReference("booking status \(String(describing: row["status"] as String?))")
        }
        self.status = status
        version = row["version"]
        room = row["room"]
        if let reason: String = row["outcomeReason"] {
            guard let known = OutcomeReason(rawValue: reason) else {
                throw StoreError.unknownReference("outcome reason \(reason)")
            }
            outcomeReason = known
        }
    }

    /// Written by hand for the same reason: `Codable` encoding, run twice per insert (the row and
    /// the NUL check of ``StoreRecord/willSave(_:)``), was most of a confirmation's write.
    func encode(to container: inout PersistenceContainer) {
        container["id"] = id
        container["position"] = position
        container["requestId"] = requestId
        container["specialistId"] = specialistId
        container["siteId"] = siteId
        container["start"] = start
        container["end"] = end
        container["reviewStart"] = reviewStart
        container["reviewEnd"] = reviewEnd
        container["hostUnitId"] = hostUnitId
        container["status"] = status.rawValue
        container["version"] = version
        container["room"] = room
        container["outcomeReason"] = outcomeReason?.rawValue
    }

    var booking: Booking {
        var review: UTCInterval?
        if let reviewStart, let reviewEnd { review = UTCInterval(start: reviewStart, end: reviewEnd) }
        return Booking(
            id: id, requestId: requestId, specialistId: specialistId, siteId: siteId, start: start, end: end,
            review: review, host: hostUnitId.map { .unitVisit($0) } ?? .siteEquipment, status: status,
            version: version, room: room, outcomeReason: outcomeReason)
    }
}
