import TelemedCore
import TelemedPages

/// The planner's posted campaign form: the strings as typed, checked in French by TelemedPages
/// (fields, dates, target lines), then against the region by ``CampaignCreation`` as the API is.
struct CampaignInput {
    let typed: CampaignForm

    /// `choices` is the empty form the page offers (sites, specialties, equipment).
    init(_ form: HTMLForm, choices: CampaignForm) {
        var typed = choices.emptied
        for field in CampaignForm.Field.allCases where field != .equipment && !form[field.rawValue].isEmpty {
            typed.values[field] = form[field.rawValue]
        }
        typed.equipmentValues = form.values(CampaignForm.Field.equipment.rawValue)
        self.typed = typed
    }

    /// The body `POST /api/v1/campaigns` would take, or the form with its reasons.
    func read(today: LocalDate) -> Result<CampaignBody, FieldErrors<CampaignForm.Field>> {
        do {
            let campaign = try typed.validated(today: today)
            return .success(
                CampaignBody(
                    name: campaign.name, kind: campaign.kind, specialty: campaign.specialty,
                    screeningType: campaign.screeningType, mode: campaign.mode, period: campaign.period,
                    targets: campaign.targets, minutesPerPatient: campaign.minutesPerPatient,
                    equipment: campaign.equipment))
        } catch {
            return .failure(error)
        }
    }

    /// The form back with `errors` beside its fields.
    func refused(_ errors: [CampaignForm.Field: String]) -> CampaignForm {
        var form = typed
        form.errors = errors
        return form
    }

    /// The region's refusal of a field (an API path such as `targets[2].siteId`) beside the form's
    /// field it comes from; the validator's reason is kept as it is said.
    static func field(ofPath path: String) -> CampaignForm.Field {
        let head = path.prefix { $0 != "." && $0 != "[" }
        switch head {
        case "period": return path.contains("end") ? .periodEnd : .periodStart
        case "equipment": return .equipment
        default: return CampaignForm.Field(rawValue: String(head)) ?? .targets
        }
    }
}
