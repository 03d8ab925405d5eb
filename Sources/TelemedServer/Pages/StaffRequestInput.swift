import TelemedCore
import TelemedPages

/// The posted form "Demander une téléconsultation" read into the API's request body, or the form
/// as typed with a French reason beside each refused field, so nothing typed is lost.
struct StaffRequestInput {
    /// The form does not ask for a length: a live consultation takes 30 minutes, a review of
    /// captured data 15 (the usual lengths in the demo region's specialties).
    static func minutes(_ mode: ConsultationMode) -> Int { mode == .live ? 30 : 15 }

    enum Reading {
        case accepted(ConsultationRequestBody)
        case refused(ConsultationRequestForm)
    }

    let typed: ConsultationRequestForm

    /// `choices` is the empty form the page offers (the specialties and equipment to pick from).
    init(_ form: HTMLForm, choices: ConsultationRequestForm) {
        var typed = choices
        typed.residentReference = form[ConsultationRequestForm.Field.residentReference.rawValue]
        typed.specialty = form[ConsultationRequestForm.Field.specialty.rawValue]
        typed.mode = form[ConsultationRequestForm.Field.mode.rawValue]
        typed.urgency = form[ConsultationRequestForm.Field.urgency.rawValue]
        typed.equipment = form.values(ConsultationRequestForm.Field.equipment.rawValue)
        typed.notes = form[ConsultationRequestForm.Field.notes.rawValue]
        typed.errors = [:]
        self.typed = typed
    }

    /// The body for `siteId` when every field is acceptable; otherwise the form with its errors.
    func read(siteId: Site.ID) -> Reading {
        var refused = typed
        let reference = typed.residentReference.trimmingCharacters(in: .whitespacesAndNewlines)
        if reference.isEmpty || reference.count > ConsultationRequestBody.maxPatientRefLength {
            refused.errors[.residentReference] =
                "Indiquez la référence pseudonyme du résident (1 à \(ConsultationRequestBody.maxPatientRefLength) caractères)."
        }
        let specialty = typed.specialties.first { $0.rawValue == typed.specialty }
        if specialty == nil { refused.errors[.specialty] = "Choisissez une spécialité dans la liste." }
        let mode = ConsultationMode(rawValue: typed.mode).flatMap { $0 == .crew ? nil : $0 }
        if mode == nil { refused.errors[.mode] = "Choisissez la téléconsultation ou la télé-expertise." }
        let urgency = Urgency(rawValue: typed.urgency)
        if urgency == nil { refused.errors[.urgency] = "Choisissez un niveau d’urgence." }
        let equipment = typed.equipment.compactMap { name in typed.equipmentChoices.first { $0.rawValue == name } }
        if equipment.count != typed.equipment.count {
            refused.errors[.equipment] = "Cochez seulement des équipements de la liste."
        }
        if typed.notes.count > ConsultationRequestBody.maxNotesLength {
            refused.errors[.notes] = "Les notes font au plus \(ConsultationRequestBody.maxNotesLength) caractères."
        }
        guard refused.errors.isEmpty, let specialty, let mode, let urgency else { return .refused(refused) }
        return .accepted(
            ConsultationRequestBody(
                siteId: siteId, patientRef: reference, specialty: specialty, mode: mode, urgency: urgency,
                requiredEquipment: equipment, durationMinutes: Self.minutes(mode), releaseDate: nil,
                earliestDate: nil, preferredSpecialistId: nil, notes: typed.notes.isEmpty ? nil : typed.notes))
    }
}
