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
        /// A care series to expand (count and gaps, no id): nil for a single consultation.
        public var series: CareSeries?
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
        let series = validatedSeries(errors: &errors)
        guard errors.isEmpty, let specialty, let mode, let urgency else { throw FieldErrors(errors) }
        let trimmedNotes = notes.trimmingCharacters(in: .whitespacesAndNewlines)
        return Submission(
            residentReference: reference, specialty: specialty, mode: mode, urgency: urgency, equipment: equipment,
            notes: trimmedNotes.isEmpty ? nil : trimmedNotes, consent: consent, series: series)
    }

    /// The series typed, nil when its three fields are empty; the ranges a scenario accepts
    /// (``CareSeries/countRange``, ``CareSeries/gapRange``).
    private func validatedSeries(errors: inout [Field: String]) -> CareSeries? {
        let typed = [seriesCount, seriesMinGapDays, seriesMaxGapDays].map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        if typed.allSatisfy(\.isEmpty) { return nil }
        let (counts, gaps) = (CareSeries.countRange, CareSeries.gapRange)
        let count = Int(typed[0]).flatMap { counts.contains($0) ? $0 : nil }
        if count == nil {
            errors[.seriesCount] =
                "Indiquez un nombre de séances entre \(counts.lowerBound) et \(counts.upperBound), ou laissez les trois"
                + " champs de la série vides pour une seule séance."
        }
        let reason = "Indiquez un nombre de jours entre \(gaps.lowerBound) et \(gaps.upperBound)."
        let minGap = Int(typed[1]).flatMap { gaps.contains($0) ? $0 : nil }
        if minGap == nil { errors[.seriesMinGapDays] = reason }
        let maxGap = Int(typed[2]).flatMap { gaps.contains($0) ? $0 : nil }
        if maxGap == nil { errors[.seriesMaxGapDays] = reason }
        guard let count, let minGap, let maxGap else { return nil }
        guard minGap <= maxGap else {
            errors[.seriesMaxGapDays] =
                "L’écart maximal ne peut pas être plus court que l’écart minimal (\(minGap) jours)."
            return nil
        }
        return CareSeries(count: count, minGapDays: minGap, maxGapDays: maxGap)
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
