import TelemedCore

extension CampaignForm {
    /// A campaign the form describes, before the region's own checks (the server's): its id is
    /// given when it is stored.
    public struct Submission: Sendable {
        public var name: String
        public var kind: Campaign.Kind
        public var specialty: Specialty
        public var screeningType: String?
        public var mode: ConsultationMode
        public var period: Horizon
        public var targets: [CampaignTarget]
        public var minutesPerPatient: Int
        public var equipment: [Equipment]
    }

    public static let maxNameLength = 80
    public static let minutesRange = 1...240

    /// The campaign typed, or every refused field with its reason in French. `today` bounds the
    /// start: a campaign cannot be planned in the past.
    public func validated(today: LocalDate) throws(FieldErrors<Field>) -> Submission {
        var errors: [Field: String] = [:]
        let name = text(.name)
        if name.isEmpty || name.count > Self.maxNameLength || name.contains(where: \.isNewline) {
            errors[.name] = "Donnez un nom à la campagne (\(Self.maxNameLength) caractères au plus, sur une ligne)."
        }
        let kind = Campaign.Kind(rawValue: text(.kind))
        if kind == nil { errors[.kind] = "Choisissez dépistage ou repérage de la fragilité." }
        let mode = ConsultationMode(rawValue: text(.mode)).flatMap { $0 == .live ? nil : $0 }
        if mode == nil { errors[.mode] = "Choisissez comment la campagne est réalisée." }
        let specialty = specialties.first { $0.rawValue == text(.specialty) }
        if specialty == nil { errors[.specialty] = "Choisissez une spécialité de la liste." }
        let screening = text(.screeningType)
        if screening.count > 64 || screening.contains(where: \.isNewline) {
            errors[.screeningType] = "64 caractères au plus, sur une ligne."
        }
        let period = period(today: today, &errors)
        let targets = targets(&errors)
        let minutes = Int(text(.minutesPerPatient))
        if minutes.map(Self.minutesRange.contains) != true {
            errors[.minutesPerPatient] =
                "Une durée entière, de \(Self.minutesRange.lowerBound) à \(Self.minutesRange.upperBound) min."
        }
        let chosen = equipmentValues.map { value in equipment.first { $0.rawValue == value } }
        if chosen.contains(where: { $0 == nil }) { errors[.equipment] = "Cochez des équipements de la liste." }
        guard errors.isEmpty, let kind, let mode, let specialty, let period, let minutes else {
            throw FieldErrors(errors)
        }
        return Submission(
            name: name, kind: kind, specialty: specialty, screeningType: screening.isEmpty ? nil : screening,
            mode: mode, period: period, targets: targets, minutesPerPatient: minutes,
            equipment: chosen.compactMap { $0 })
    }

    private func text(_ field: Field) -> String {
        (values[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func period(today: LocalDate, _ errors: inout [Field: String]) -> Horizon? {
        let start = try? LocalDate(text(.periodStart))
        let end = try? LocalDate(text(.periodEnd))
        if start == nil { errors[.periodStart] = "Une date au format AAAA-MM-JJ." }
        if end == nil { errors[.periodEnd] = "Une date au format AAAA-MM-JJ." }
        guard let start, let end else { return nil }
        if start < today {
            errors[.periodStart] =
                "La campagne ne peut pas commencer avant aujourd’hui (\(FrenchVocabulary.date(today)))."
            return nil
        }
        if end < start {
            errors[.periodEnd] = "Le dernier jour vient avant le premier."
            return nil
        }
        return Horizon(start: start, end: end)
    }

    /// One target per non-empty line: a site of the list or a commune code, then the patients.
    private func targets(_ errors: inout [Field: String]) -> [CampaignTarget] {
        var targets: [CampaignTarget] = []
        var seen: Set<String> = []
        let lines = text(.targets).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let range = Campaign.patientsRange
        for (number, line) in lines.enumerated() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" || $0 == ";" })
            let place = words.first.map(String.init) ?? ""
            guard words.count == 2, let patients = Int(words[1]), range.contains(patients) else {
                errors[.targets] =
                    "Ligne \(number + 1) : un lieu ou un code INSEE puis un nombre de patients de \(range.lowerBound) "
                    + "à \(range.upperBound), par exemple « E-21-0001 15 »."
                return []
            }
            guard seen.insert(place).inserted else {
                errors[.targets] = "Ligne \(number + 1) : « \(place) » figure déjà plus haut."
                return []
            }
            if sites.contains(where: { $0.id == place }) {
                targets.append(CampaignTarget(siteId: Site.ID(place), patients: patients))
            } else if FrenchCodes.isCommuneCode(place) {
                targets.append(CampaignTarget(inseeCode: place, patients: patients))
            } else {
                errors[.targets] =
                    "Ligne \(number + 1) : « \(place) » n’est ni un lieu de la région ni un code INSEE de commune."
                return []
            }
        }
        if lines.isEmpty, errors[.targets] == nil { errors[.targets] = "Indiquez au moins un lieu ou une commune." }
        return targets
    }
}
