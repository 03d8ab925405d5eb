import Foundation
import TelemedCore

/// The body of `POST /api/v1/requests`: a consultation a site's staff ask for. The patient is a
/// pseudonymous reference, never a name; `notes` stay in the store, never in a feed or a log.
struct ConsultationRequestBody: Codable, Sendable {
    var siteId: Site.ID
    var patientRef: String
    var specialty: Specialty
    var mode: ConsultationMode
    var urgency: Urgency
    var requiredEquipment: [Equipment]?
    var durationMinutes: Int
    /// Defaults to today (Europe/Paris), or the first day of the plan's horizon if later.
    var releaseDate: LocalDate?
    var earliestDate: LocalDate?
    var preferredSpecialistId: Specialist.ID?
    var notes: String?
    /// Who consented to the teleconsultation and when (no name); a `live` request is recorded and
    /// offered slots without it, but none of its bookings can be confirmed.
    var consent: Consent?
    /// Put the request on the site's waiting list as well: slots that free up before the earliest
    /// proposal returned (any slot when there is none) are offered and held for it.
    var waitlist: Bool?
    /// A care series: one request per session, spaced as asked; proposals are for the first.
    var series: SeriesRequestBody?

    static let maxNotesLength = 2_000
    static let maxPatientRefLength = 64

    /// The request under `id` (with a series, still the bare spec to expand); refuses what the
    /// validator would not name clearly.
    func request(id: ConsultationRequest.ID, today: LocalDate) throws -> ConsultationRequest {
        let trimmed = patientRef.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, patientRef.count <= Self.maxPatientRefLength else {
            throw APIError.invalidBody(
                path: "patientRef",
                message: "a pseudonymous reference of 1 to \(Self.maxPatientRefLength) characters is required")
        }
        if let notes, notes.count > Self.maxNotesLength {
            throw APIError.invalidBody(path: "notes", message: "at most \(Self.maxNotesLength) characters")
        }
        if let consent, consent.recordedOn > today {
            throw APIError.invalidBody(
                path: "consent.recordedOn", message: "the consent cannot be recorded after today (\(today))")
        }
        return ConsultationRequest(
            id: id, siteId: siteId, patientRef: patientRef, specialty: specialty, mode: mode,
            requiredEquipment: requiredEquipment ?? [], durationMinutes: durationMinutes, urgency: urgency,
            releaseDate: releaseDate ?? today, earliestDate: earliestDate, preferredSpecialistId: preferredSpecialistId,
            consent: consent, series: try series?.spec())
    }
}
