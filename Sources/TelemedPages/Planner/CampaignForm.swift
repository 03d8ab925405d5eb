import TelemedCore

/// The planner's campaign form as typed: a screening or frailty campaign over sites and communes,
/// strings kept as entered so a refused form comes back whole with the reason beside each field.
/// Targets are typed one per line, a site id or a commune's INSEE code and the expected patients
/// (`E-21-0001 15`, `58145 20`): a campaign often names twenty sites, too many for one select each.
public struct CampaignForm: Sendable {
    public enum Field: String, CaseIterable, Sendable {
        case name, kind, specialty, screeningType, mode, periodStart, periodEnd, targets, minutesPerPatient
        case equipment
    }

    public var values: [Field: String]
    /// The ticked equipment (several values).
    public var equipmentValues: [String]
    public var errors: [Field: String]
    public var sites: [WhatIfForm.Choice]
    public var specialties: [Specialty]
    public var equipment: [Equipment]

    public init(
        values: [Field: String] = [:], equipmentValues: [String] = [], errors: [Field: String] = [:],
        sites: [WhatIfForm.Choice], specialties: [Specialty], equipment: [Equipment]
    ) {
        self.values = values
        self.equipmentValues = equipmentValues
        self.errors = errors
        self.sites = sites
        self.specialties = specialties
        self.equipment = equipment
    }

    /// The same choices, nothing typed.
    public var emptied: CampaignForm {
        CampaignForm(sites: sites, specialties: specialties, equipment: equipment)
    }

    static let idPrefix = "campagne-"

    private func field(
        _ field: Field, _ label: String, _ control: FormField.Control, hint: String? = nil, required: Bool = false
    ) -> FormField {
        let values = field == .equipment ? equipmentValues : self.values[field].map { [$0] } ?? []
        return FormField(
            name: field.rawValue, label: label, control: control, values: values, hint: hint, error: errors[field],
            required: required, idPrefix: Self.idPrefix)
    }

    func groups() -> [FormView.FieldGroup] {
        [
            .init(fields: [
                field(
                    .name, "Nom de la campagne", .text(),
                    hint: "Par exemple « Dépistage rétinopathie printemps 2027 ».",
                    required: true),
                field(
                    .kind, "Type",
                    .radios(Campaign.Kind.allCases.map { ($0.rawValue, FrenchVocabulary.campaignKind($0)) })),
                field(
                    .mode, "Organisation",
                    .radios([
                        ("async", "Prises de vue par l’unité, lues ensuite par un spécialiste"),
                        ("crew", "Réalisé par l’équipage de l’unité seul"),
                    ])),
                field(
                    .specialty, "Spécialité (lecture des examens)",
                    .select(specialties.map { ($0.rawValue, FrenchVocabulary.specialty($0)) })),
                field(
                    .screeningType, "Ce qui est dépisté (facultatif)", .text(),
                    hint: "Par exemple « rétinopathie diabétique » ; jamais une information sur un patient."),
            ]),
            .init(
                legend: "Période",
                fields: [
                    field(.periodStart, "Du", .date, required: true),
                    field(.periodEnd, "au (inclus)", .date, required: true),
                ]),
            .init(
                legend: "Lieux et patients attendus",
                fields: [
                    field(
                        .targets, "Un lieu ou une commune par ligne, puis le nombre de patients", .textarea,
                        hint: "Identifiant du lieu ou code INSEE de la commune (ses points d’accueil), par exemple "
                            + "« E-21-0001 15 » ou « 58145 20 ». Au plus \(Campaign.patientsRange.upperBound) "
                            + "patients par ligne.",
                        required: true)
                ]),
            .init(fields: [
                field(.minutesPerPatient, "Durée par patient (min)", .number(step: "1"), required: true),
                field(
                    .equipment, "Équipement nécessaire",
                    .checkboxes(equipment.map { ($0.rawValue, FrenchVocabulary.equipment($0)) })),
            ]),
        ]
    }
}
