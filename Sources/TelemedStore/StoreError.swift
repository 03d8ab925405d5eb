import Foundation
import TelemedCore

/// Failures the store reports in its own terms, so callers can map them to HTTP statuses or exit codes
/// without knowing GRDB. A booking that collides with committed bookings is not an error but a
/// ``BookingConflict`` outcome.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file was migrated by a newer telemed; writing to it with this build could corrupt it.
    case newerDatabase(path: String, unknownMigrations: [String])
    /// `db backup` asked of a PostgreSQL database, whose own tools copy it consistently.
    case backupOnPostgres(String)
    /// `db copy` into a database that holds a scenario or history already.
    case copyTargetNotEmpty(String)
    /// `db copy` from something other than a SQLite file of this build's schema.
    case copySourceNotSQLite
    /// A PostgreSQL address that does not parse, or a server that cannot be reached or refuses.
    case cannotConnect(String)
    /// A shared key stored in the database is not 32 bytes of base64 (edited by hand?).
    case corruptKey(String)
    /// A text value holds a NUL character: SQLite's C text API would silently cut it there, and an
    /// audit log must never store less than it was given.
    case invalidText(field: String)
    /// A `before` or `after` payload is not valid JSON.
    case invalidJSON(field: String)
    /// An import into a database that already holds a scenario.
    case databaseNotEmpty(path: String)
    /// An export or a booking operation on a database into which no scenario was imported.
    case noScenario(path: String)
    case bookingNotFound(Booking.ID)
    case bookingExists(Booking.ID)
    /// The caller worked from another version of the booking (someone changed it meanwhile).
    case versionMismatch(Booking.ID, expected: Int, actual: Int)
    /// The lifecycle is proposed → confirmed → done | noShow | notHeld (an outcome, correctable),
    /// and proposed | confirmed → cancelled; a held slot is booked or released, nothing else.
    case invalidTransition(Booking.ID, from: BookingStatus, to: BookingStatus)
    /// Only proposed and confirmed bookings can be rescheduled.
    case notReschedulable(Booking.ID, status: BookingStatus)
    /// A booking or route names a request, specialist, site or unit the database does not hold.
    case unknownReference(String)
    /// The stored scenario's travel model cannot be built (a matrix file that is missing).
    case travelModel(String)
    /// A unit route whose records disagree (visits of another unit or day, orders not 1…n).
    case invalidRoute(String)
    /// An availability exception that ends before it starts.
    case invalidException(String)
    /// A feed secret given by the caller that is not 64 lowercase hexadecimal characters.
    case weakFeedSecret
    /// A database setting out of its range.
    case invalidSetting(String)
    /// A roll to a date before the database's today: history is never planned again.
    case rollBackwards(to: LocalDate, today: LocalDate)
    /// The stored scenario cannot be planned on the new day: its pinned facts break a hard rule
    /// by themselves (a recurring stop out of reach, a lunch that cannot fit…). Nothing was rolled.
    case unplannableWindow(date: LocalDate, problems: [String])
    /// A `live` teleconsultation cannot be confirmed before the resident's consent is recorded on
    /// its request (`consent`: who gave it and when). Nothing was booked.
    case consentMissing(ConsultationRequest.ID)
    /// An outcome recorded before the session's start, by the service's clock.
    case sessionNotStarted(Booking.ID, start: Date)
    /// A reason given with an outcome it does not explain (a resident's absence for `notHeld`…).
    case reasonMismatch(OutcomeReason, outcome: SessionOutcome)
    /// The request is on its site's waiting list already.
    case alreadyWaiting(ConsultationRequest.ID)
    /// The request is not on the waiting list (never was, or left it).
    case notWaiting(ConsultationRequest.ID)
    /// The request already has a booking that holds a slot: it cannot wait for another.
    case requestAlreadyBooked(ConsultationRequest.ID)
    /// No slot is held for the waiting request.
    case noOffer(ConsultationRequest.ID)
    /// The request needs a unit's visit (a crew session, or equipment its site lacks): the
    /// waiting list offers slots at the site only.
    case servedByUnit(ConsultationRequest.ID)
    /// A slot is already held for the waiting request: one offer at a time.
    case alreadyOffered(ConsultationRequest.ID)
    /// A held slot can only be replaced by a booking of the request it is held for.
    case heldForAnother(Booking.ID, request: ConsultationRequest.ID)
    /// A scenario to import holds a `held` booking, which exists only with its waiting-list offer.
    case heldSlotImported(Booking.ID)
    /// A webhook that cannot be registered (its URL, its events).
    case invalidWebhook(String)
    /// A campaign id already stored (its patients' request ids would collide).
    case campaignExists(Campaign.ID)
    /// Zones that break the format's rules (each issue with its path); nothing was imported.
    case invalidZones([String])
    /// A sealed secret that cannot be opened with the service's key (another key file) or sealed.
    case sealFailed

    public var description: String {
        switch self {
        case .newerDatabase(let path, let unknown):
            "The database \(path) was created by a newer version of telemed "
                + "(unknown migrations: \(unknown.joined(separator: ", "))). "
                + "Upgrade telemed or open another file; it was left untouched."
        case .backupOnPostgres(let location):
            "\(location) is a PostgreSQL database: back it up with pg_dump (for example `pg_dump -Fc -f telemed.dump`), "
                + "which copies it consistently while the replicas keep serving."
        case .copyTargetNotEmpty(let target):
            "\(target) already holds a region or history; copy into a new, empty database."
        case .copySourceNotSQLite:
            "db copy reads a SQLite database file (--from PATH) whose tables it can order by their foreign keys."
        case .cannotConnect(let reason):
            "Cannot use the PostgreSQL database: \(reason)."
        case .corruptKey(let name):
            "The shared key \(name) stored in the database is damaged; delete the row key.\(name) of storeMetadata "
                + "to make a new one (pages and links signed with the old one stop working)."
        case .invalidText(let field):
            "The field \(field) contains a NUL character, which the store refuses."
        case .invalidJSON(let field):
            "The field \(field) is not valid JSON."
        case .databaseNotEmpty(let path):
            "The database \(path) already holds a scenario; nothing was imported. "
                + "Use another file, or --replace to delete its scenario, bookings and routes first."
        case .noScenario(let path):
            "The database \(path) holds no scenario yet: import one with `telemed db import SCENARIO`."
        case .bookingNotFound(let id):
            "There is no booking \(id)."
        case .bookingExists(let id):
            "A booking \(id) already exists; choose another id."
        case .versionMismatch(let id, let expected, let actual):
            "Booking \(id) is at version \(actual), not \(expected): it changed meanwhile. Reload it and retry."
        case .invalidTransition(let id, let from, let to):
            "Booking \(id) is \(from.rawValue) and cannot become \(to.rawValue)"
                + " (proposed → confirmed → done | noShow | notHeld, the outcome of a session that started;"
                + " proposed | confirmed → cancelled; a slot held for the waiting list is booked or released)."
        case .notReschedulable(let id, let status):
            "Booking \(id) is \(status.rawValue); only proposed and confirmed bookings can be rescheduled."
        case .unknownReference(let what):
            "Unknown reference: \(what)."
        case .travelModel(let what):
            "The stored scenario's travel model cannot be used: \(what)."
        case .invalidRoute(let what):
            "Invalid unit route: \(what)."
        case .invalidException(let what):
            "Invalid availability exception: \(what) (it must end after it starts); nothing was changed."
        case .weakFeedSecret:
            "A feed secret must be 64 lowercase hexadecimal characters (256 bits); nothing was stored."
        case .invalidSetting(let what):
            "Invalid setting: \(what); nothing was changed."
        case .rollBackwards(let date, let today):
            "The database is already at \(today); it cannot roll back to \(date) (past days are history)."
        case .unplannableWindow(let date, let problems):
            "The window cannot be rolled to \(date): " + problems.joined(separator: "; ")
                + ". Fix the scenario's pinned facts; the database stayed at the day before."
        case .consentMissing(let request):
            "The resident's consent to teleconsultation is not recorded on request \(request); "
                + "record it (consent.givenBy, consent.recordedOn) then book. Nothing was booked."
        case .sessionNotStarted(let id, let start):
            "The session of booking \(id) starts at \(start.formatted(.iso8601)); its outcome can be recorded "
                + "from then on. Nothing was recorded."
        case .reasonMismatch(let reason, let outcome):
            "The reason \(reason.rawValue) does not explain the outcome \(outcome.rawValue); the reasons for "
                + "\(outcome.rawValue) are: "
                + (outcome.reasons.isEmpty ? "none" : outcome.reasons.map(\.rawValue).joined(separator: ", "))
                + ". Nothing was recorded."
        case .alreadyWaiting(let request):
            "Request \(request) is already on the waiting list; nothing was changed."
        case .notWaiting(let request):
            "Request \(request) is not on the waiting list; nothing was changed."
        case .requestAlreadyBooked(let request):
            "Request \(request) already has a booking; cancel it first to put the request on the waiting list."
        case .noOffer(let request):
            "No slot is held for request \(request); nothing was changed."
        case .servedByUnit(let request):
            "Request \(request) needs an itinerant unit's visit (a crew session, or equipment its site lacks): "
                + "the nightly plan places it on a unit's route; the waiting list offers slots at the site only. "
                + "Nothing was changed."
        case .alreadyOffered(let request):
            "A slot is already held for request \(request); book or decline it first."
        case .heldForAnother(let booking, let request):
            "Booking \(booking) is a slot held for request \(request) and can only be booked for it."
        case .heldSlotImported(let booking):
            "Booking \(booking) is held for a waiting-list offer, which a scenario file cannot carry: drop it "
                + "(or import it as proposed). Nothing was imported."
        case .campaignExists(let id):
            "A campaign \(id) already exists; choose another id (its patients' references derive from it)."
        case .invalidWebhook(let what):
            "Invalid webhook: \(what); nothing was registered."
        case .invalidZones(let issues):
            "Invalid zones, nothing was imported: " + issues.joined(separator: "; ")
        case .sealFailed:
            "A webhook's signing secret cannot be opened with this key file: the database was sealed with "
                + "another one. Restore that key file, or remove the webhook and add it again."
        }
    }
}
