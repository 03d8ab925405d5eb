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
    }

    public static let maxReferenceLength = 64
    public static let maxNotesLength = 2_000

    /// The typed values, or every refused field with its reason (the form keeps what was typed, so
    /// the page can come back with `errors` set to these).
    public func validated() throws(FieldErrors<Field>) -> Submission {
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
        guard errors.isEmpty, let specialty, let mode, let urgency else { throw FieldErrors(errors) }
        let trimmedNotes = notes.trimmingCharacters(in: .whitespacesAndNewlines)
        return Submission(
            residentReference: reference, specialty: specialty, mode: mode, urgency: urgency, equipment: equipment,
            notes: trimmedNotes.isEmpty ? nil : trimmedNotes)
    }
}
