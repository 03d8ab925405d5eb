import TelemedCore
import TelemedStore

/// Who may do what (DESIGN.md "HTTP"): admin and planners everything; a site's staff only for
/// their site; a unit's crew read their own route.
extension AccessRole {
    var isPlanning: Bool {
        switch self {
        case .admin, .planner: true
        default: false
        }
    }

    /// Refuses with 403 unless the role may read and book for `siteId`.
    func requireSite(_ siteId: String) throws {
        if isPlanning { return }
        if case .site(let own) = self, own == siteId { return }
        throw APIError.forbidden("The token of \(self) cannot act for site \(siteId).")
    }

    /// Refuses with 403 unless the role may read the route of `unitId`.
    func requireUnit(_ unitId: String) throws {
        if isPlanning { return }
        if case .unit(let own) = self, own == unitId { return }
        throw APIError.forbidden("The token of \(self) cannot read the route of unit \(unitId).")
    }

    /// Refuses with 403 unless the role took part in the booking's session: its site's staff, the
    /// crew of the unit that hosts it, its specialist, or planning.
    func requireSession(of booking: Booking) throws {
        if isPlanning { return }
        switch self {
        case .site(let own) where own == booking.siteId.rawValue: return
        case .unit(let own) where own == booking.host.unitId?.rawValue: return
        case .specialist(let own) where own == booking.specialistId?.rawValue: return
        default: throw APIError.forbidden("The token of \(self) took no part in the session of booking \(booking.id).")
        }
    }

    /// Refuses with 403 unless the role is admin or planner.
    func requirePlanning() throws {
        guard isPlanning else { throw APIError.forbidden("Only admin and planner tokens can run plans.") }
    }
}
