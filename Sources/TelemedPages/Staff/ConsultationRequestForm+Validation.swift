import Foundation
import TelemedCore

extension ConsultationRequestForm {
    /// What a valid form asks for, typed.
    public struct Submission: Hashable, Sendable {
        public var residentReference: String
        public var specialty: Specialty
        public var mode: ConsultationMode
        public var urgency: Urgency
        public var equipment: [Equipment]
        /// nil when left empty.
        public var notes: String?
        /// nil when not recorded yet.
        public var consent: Consent?
    }

    public static let maxReferenceLength = 64
    public static let maxNotesLength = 2_000

    /// The typed values, or every refused field with its reason (the form keeps what was typed, so
    /// the page can come back with `errors` set to these). A consent is dated `today` at the latest.
    public func validated(today: LocalDate) throws(FieldErrors<Field>) -> Submission {
        var errors: [Field: String] = [:]
        let reference = residentReference.trimmingCharacters(in: .whitespacesAndNewlines)
        if reference.isEmpty || reference.count > Self.maxReferenceLength
            || reference.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
        {
            errors[.residentReference] =
                "Indiquez la référence pseudonyme du résident (1 à \(Self.maxReferenceLength) caractères, sur une"
                + " ligne), jamais son nom."
        }
        let specialty = specialties.first { $0.rawValue == self.specialty }
        if specialty == nil { errors[.specialty] = "Choisissez une spécialité de la liste." }
        let mode = ConsultationMode(rawValue: self.mode).flatMap { $0 == .crew ? nil : $0 }
        if mode == nil { errors[.mode] = "Choisissez téléconsultation ou télé-expertise." }
        let urgency = Urgency(rawValue: self.urgency)
        if urgency == nil { errors[.urgency] = "Choisissez un degré d’urgence." }
        let equipment = self.equipment.compactMap { name in equipmentChoices.first { $0.rawValue == name } }
        if equipment.count != self.equipment.count { errors[.equipment] = "Choisissez l’équipement dans la liste." }
        if notes.count > Self.maxNotesLength {
            errors[.notes] = "Les notes tiennent en \(Self.maxNotesLength) caractères au plus."
        }
        let consent = validatedConsent(today: today, errors: &errors)
        guard errors.isEmpty, let specialty, let mode, let urgency else { throw FieldErrors(errors) }
        let trimmedNotes = notes.trimmingCharacters(in: .whitespacesAndNewlines)
        return Submission(
            residentReference: reference, specialty: specialty, mode: mode, urgency: urgency, equipment: equipment,
            notes: trimmedNotes.isEmpty ? nil : trimmedNotes, consent: consent)
    }

    /// The consent typed, nil when none was chosen (the date is then ignored).
    private func validatedConsent(today: LocalDate, errors: inout [Field: String]) -> Consent? {
        let giver = consentGivenBy.trimmingCharacters(in: .whitespaces)
        if giver.isEmpty { return nil }
        guard let givenBy = ConsentGiver(rawValue: giver) else {
            errors[.consentGivenBy] = "Choisissez qui a donné son consentement dans la liste."
            return nil
        }
        guard let recordedOn = try? LocalDate(consentRecordedOn.trimmingCharacters(in: .whitespaces)),
            recordedOn <= today
        else {
            errors[.consentRecordedOn] =
                "Indiquez le jour où le consentement a été recueilli (au plus tard aujourd’hui, "
                + "\(FrenchVocabulary.numericDate(today)))."
            return nil
        }
        return Consent(givenBy: givenBy, recordedOn: recordedOn)
    }
}
