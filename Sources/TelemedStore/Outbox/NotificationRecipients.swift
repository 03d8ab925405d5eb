import TelemedCore

/// Who is mailed an event: the people it concerns, at the contact addresses of the scenario, never
/// anyone else. A site hears of its sessions (confirmed, moved, cancelled), of the slots held for
/// its waiting residents and of tomorrow; a specialist of their sessions (both of them, when a move
/// changes specialist), of outcomes and of tomorrow; a crew only of changes to a route already
/// frozen (before the cut-off the route still moves, and the crew's feed shows it). Entities
/// without an address are skipped: webhooks still hear of everything they take.
enum NotificationRecipients {
    static func addresses(of event: NotificationEvent, _ db: any SQLConnection) throws -> [String] {
        var found: [String?] = []
        switch event.type {
        case .bookingConfirmed, .bookingMoved, .bookingCancelled:
            for session in [event.booking, event.previous].compactMap({ $0 }) {
                found.append(try email(of: session.siteId, db))
                if let specialistId = session.specialistId { found.append(try email(of: specialistId, db)) }
            }
        case .bookingOutcome:
            if let specialistId = event.booking?.specialistId { found.append(try email(of: specialistId, db)) }
        case .waitlistOffer:
            if let siteId = event.booking?.siteId { found.append(try email(of: siteId, db)) }
        case .routeChanged:
            if let unitId = event.route?.unitId { found.append(try email(of: unitId, db)) }
        case .reminderDigest:
            if let siteId = event.digest?.siteId { found.append(try email(of: siteId, db)) }
            if let specialistId = event.digest?.specialistId { found.append(try email(of: specialistId, db)) }
        }
        var seen: Set<String> = []
        return found.compactMap { $0 }.filter { seen.insert($0.lowercased()).inserted }
    }

    private static func email(of id: Site.ID, _ db: any SQLConnection) throws -> String? {
        try lookUp("SELECT email FROM sites WHERE id = ?", id.rawValue, db)
    }

    private static func email(of id: Specialist.ID, _ db: any SQLConnection) throws -> String? {
        try lookUp("SELECT email FROM specialists WHERE id = ?", id.rawValue, db)
    }

    private static func email(of id: MobileUnit.ID, _ db: any SQLConnection) throws -> String? {
        try lookUp("SELECT email FROM units WHERE id = ?", id.rawValue, db)
    }

    private static func lookUp(_ sql: String, _ id: String, _ db: any SQLConnection) throws -> String? {
        try db.fetchOne(String.self, sql: sql, arguments: [id])
    }
}
