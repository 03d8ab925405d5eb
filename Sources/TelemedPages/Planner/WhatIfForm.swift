import TelemedCore

/// The planner's what-if form as typed: one change to try against the plan in force, strings kept
/// as they were entered so a refused form comes back whole with the reason beside each field.
public struct WhatIfForm: Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case variantName, change, unitId, depotName, depotCommune, specialistId
        case demandFactor, demandSpecialty, demandDepartment, siteId, closedFrom, closedTo, timeLimit
    }

    /// The changes a planner can start from the page (`WhatIfChange` kinds).
    public static let changes: [(value: String, label: String)] = [
        ("addUnit", "Ajouter une unité mobile (copie de l’unité choisie, à la nouvelle base)"),
        ("removeUnit", "Retirer l’unité mobile choisie"),
        ("moveDepot", "Déplacer la base de l’unité choisie"),
        ("addSpecialist", "Ajouter un spécialiste (mêmes spécialités et horaires que celui choisi)"),
        ("removeSpecialist", "Retirer le spécialiste choisi"),
        ("scaleDemand", "Faire varier la demande"),
        ("closeSite", "Fermer un lieu pour des dates"),
    ]

    /// An entity a select offers: its id and what the planner reads.
    public struct Choice: Sendable {
        public var id: String
        public var label: String

        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    public var values: [Field: String]
    public var errors: [Field: String]
    public var units: [Choice]
    public var specialists: [Choice]
    public var sites: [Choice]
    public var specialties: [Specialty]
    public var departments: [Choice]

    public init(
        values: [Field: String] = [:], errors: [Field: String] = [:], units: [Choice], specialists: [Choice],
        sites: [Choice], specialties: [Specialty], departments: [Choice]
    ) {
        self.values = values
        self.errors = errors
        self.units = units
        self.specialists = specialists
        self.sites = sites
        self.specialties = specialties
        self.departments = departments
    }

    func field(_ field: Field, _ label: String, _ control: FormField.Control, hint: String? = nil) -> FormField {
        FormField(
            name: field.rawValue, label: label, control: control, values: values[field].map { [$0] } ?? [], hint: hint,
            error: errors[field])
    }

    /// The form's fields: the variant's name and change, then one fieldset per kind of change.
    func groups() -> [FormView.FieldGroup] {
        let none = [(value: "", label: "—")]
        return [
            .init(fields: [
                field(.variantName, "Nom de la variante", .text(), hint: "Par exemple « unité basée à Charolles »."),
                field(.change, "Changement à essayer", .radios(Self.changes)),
            ]),
            .init(
                legend: "Unité mobile",
                fields: [
                    field(.unitId, "Unité", .select(none + units.map { ($0.id, $0.label) })),
                    field(
                        .depotCommune, "Commune de la nouvelle base (code INSEE)", .text(),
                        hint: "Par exemple 71106 pour Charolles ; la base est placée à la mairie."),
                    field(.depotName, "Nom de la nouvelle base (facultatif)", .text()),
                ]),
            .init(
                legend: "Spécialiste",
                fields: [field(.specialistId, "Spécialiste", .select(none + specialists.map { ($0.id, $0.label) }))]),
            .init(
                legend: "Demande",
                fields: [
                    field(.demandFactor, "Facteur", .number(step: "0.05"), hint: "1,3 pour +30 %, 0,8 pour −20 %."),
                    field(
                        .demandSpecialty, "Spécialité (toutes si vide)",
                        .select(none + specialties.map { ($0.rawValue, FrenchVocabulary.specialty($0)) })),
                    field(
                        .demandDepartment, "Département (tous si vide)",
                        .select(none + departments.map { ($0.id, $0.label) })),
                ]),
            .init(
                legend: "Fermeture d’un lieu",
                fields: [
                    field(.siteId, "Lieu", .select(none + sites.map { ($0.id, $0.label) })),
                    field(.closedFrom, "Fermé du", .date), field(.closedTo, "au (inclus)", .date),
                ]),
            .init(fields: [
                field(
                    .timeLimit, "Durée du calcul par variante (secondes)", .number(step: "1"),
                    hint: "Les variantes sont calculées en parallèle.")
            ]),
        ]
    }
}
