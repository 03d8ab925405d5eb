import Foundation
import TelemedCore

extension TelemedDatabase {
    /// The stored occurrences of series `id`, by index, each with the booking holding its place.
    /// Occurrences the planning window rolled past stay stored, with their sessions.
    ///
    /// ```swift
    /// let occurrences = try database.seriesOccurrences(of: "S-R-0007")   // [1, 2, 3…]
    /// ```
    public func seriesOccurrences(of id: CareSeries.ID) throws -> [SeriesOccurrence] {
        try database.read { db in try Self.occurrences(db, of: [id])[id] ?? [] }
    }

    /// The care series of `siteId` that are not over: some occurrence has no booking, or a booking
    /// starting at `since` or later. Newest series first (the one just asked for on top), each by
    /// index. One read for the lot.
    public func careSeries(atSite siteId: Site.ID, since: Date) throws -> [[SeriesOccurrence]] {
        try database.read { db in
            let ids = try db.fetchAll(
                String.self,
                sql: """
                    SELECT seriesId FROM requests r
                    WHERE siteId = ? AND seriesId IS NOT NULL AND NOT EXISTS (
                        SELECT 1 FROM bookings b WHERE b.requestId = r.id
                        AND b.status NOT IN ('cancelled', 'notHeld') AND b.start < ?)
                    GROUP BY seriesId ORDER BY MAX(position) DESC
                    """, arguments: [siteId, since]
            ).map(CareSeries.ID.init(rawValue:))
            let occurrences = try Self.occurrences(db, of: ids)
            return ids.compactMap { occurrences[$0] }
        }
    }

    /// The occurrences of the series `ids`, by series, each by index with its booking.
    private static func occurrences(_ db: any SQLConnection, of ids: [CareSeries.ID]) throws
        -> [CareSeries.ID: [SeriesOccurrence]]
    {
        guard !ids.isEmpty else { return [:] }
        let marks = Array(repeating: "?", count: ids.count).joined(separator: ", ")
        let arguments = SQLArguments(ids.map(\.rawValue))
        let requests = try RequestRecord.fetchAll(
            db, sql: "SELECT * FROM requests WHERE seriesId IN (\(marks)) ORDER BY seriesIndex, position",
            arguments: arguments
        ).map(\.request)
        // At most one booking of a request occupies resources (`requestOnce`); should stored data
        // say otherwise, the serving one is the earliest, as everywhere else.
        let bookings = try BookingRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM bookings WHERE status NOT IN ('cancelled', 'notHeld') AND requestId IN (
                    SELECT id FROM requests WHERE seriesId IN (\(marks)))
                ORDER BY start
                """, arguments: arguments
        ).map(\.booking)
        let booked = bookings.servingByRequest
        var grouped: [CareSeries.ID: [SeriesOccurrence]] = [:]
        for request in requests {
            guard let id = request.series?.id else { continue }
            grouped[id, default: []].append(SeriesOccurrence(request: request, booking: booked[request.id]))
        }
        return grouped
    }
}
