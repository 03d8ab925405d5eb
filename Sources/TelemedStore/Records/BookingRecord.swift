import Foundation
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
    init(row: SQLRow) throws {
        id = try row.decode("id")
        position = try row.decode("position")
        requestId = try row.decode("requestId")
        specialistId = try row.decode("specialistId")
        siteId = try row.decode("siteId")
        start = try row.decode("start")
        end = try row.decode("end")
        reviewStart = try row.decode("reviewStart")
        reviewEnd = try row.decode("reviewEnd")
        hostUnitId = try row.decode("hostUnitId")
        let status: String = try row.decode("status")
        guard let known = BookingStatus(rawValue: status) else {
            throw StoreError.unknownReference("booking status \(status)")
        }
        self.status = known
        version = try row.decode("version")
        room = try row.decode("room")
        if let reason: String = try row.decode("outcomeReason") {
            guard let known = OutcomeReason(rawValue: reason) else {
                throw StoreError.unknownReference("outcome reason \(reason)")
            }
            outcomeReason = known
        }
    }

    /// Written by hand for the same reason: `Codable` encoding was most of a confirmation's write.
    func columnValues() -> [(name: String, value: SQLValue)] {
        [
            ("id", id.sqlValue), ("position", position.sqlValue), ("requestId", requestId.sqlValue),
            ("specialistId", specialistId.sqlValue), ("siteId", siteId.sqlValue), ("start", start.sqlValue),
            ("end", end.sqlValue), ("reviewStart", reviewStart.sqlValue), ("reviewEnd", reviewEnd.sqlValue),
            ("hostUnitId", hostUnitId.sqlValue), ("status", status.rawValue.sqlValue),
            ("version", version.sqlValue), ("room", room.sqlValue),
            ("outcomeReason", outcomeReason?.rawValue.sqlValue ?? .null),
        ]
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
