import TelemedCore
import TelemedPages

/// The posted form "Demander une téléconsultation": the strings as typed, checked by TelemedPages'
/// own validation, then made into the API's request body (so `POST /api/v1/requests` and the page
/// share the rest of the checks); or the form with a French reason beside each refused field, so
/// nothing typed is lost.
struct StaffRequestInput {
    enum Reading {
        case accepted(ConsultationRequestBody)
        case refused(ConsultationRequestForm)
    }

    /// The form does not ask for a length: a live consultation takes 30 minutes, a review of
    /// captured data 15 (the usual lengths in the demo region's specialties).
    static func minutes(_ mode: ConsultationMode) -> Int { mode == .live ? 30 : 15 }

    let typed: ConsultationRequestForm

    /// `choices` is the empty form the page offers (the specialties and equipment to pick from).
    init(_ form: HTMLForm, choices: ConsultationRequestForm) {
        typealias Field = ConsultationRequestForm.Field
        var typed = choices
        typed.residentReference = form[Field.residentReference.rawValue]
        typed.specialty = form[Field.specialty.rawValue]
        typed.mode = form[Field.mode.rawValue]
        typed.urgency = form[Field.urgency.rawValue]
        typed.equipment = form.values(Field.equipment.rawValue)
        typed.notes = form[Field.notes.rawValue]
        typed.consentGivenBy = form[Field.consentGivenBy.rawValue]
        typed.consentRecordedOn = form[Field.consentRecordedOn.rawValue]
        typed.seriesCount = form[Field.seriesCount.rawValue]
        typed.seriesMinGapDays = form[Field.seriesMinGapDays.rawValue]
        typed.seriesMaxGapDays = form[Field.seriesMaxGapDays.rawValue]
        typed.errors = [:]
        self.typed = typed
    }

    func read(siteId: Site.ID, today: LocalDate) -> Reading {
        do {
            let asked = try typed.validated(today: today)
            return .accepted(
                ConsultationRequestBody(
                    siteId: siteId, patientRef: asked.residentReference, specialty: asked.specialty, mode: asked.mode,
                    urgency: asked.urgency, requiredEquipment: asked.equipment,
                    durationMinutes: Self.minutes(asked.mode), releaseDate: nil, earliestDate: nil,
                    preferredSpecialistId: nil, notes: asked.notes, consent: asked.consent,
                    series: asked.series.map {
                        SeriesRequestBody(count: $0.count, minGapDays: $0.minGapDays, maxGapDays: $0.maxGapDays)
                    }))
        } catch {
            var refused = typed
            refused.errors = error.messages
            return .refused(refused)
        }
    }
}
