import Foundation
import TelemedCore

/// The body of `POST /api/v1/campaigns`: a campaign as the scenario format states it
/// (docs/scenario-format.md, "campaigns"), its id optional (`C-` and a random suffix when absent).
/// Patients are counted per target, never named: each gets a pseudonymous reference on expansion.
struct CampaignBody: Codable, Sendable {
    var id: Campaign.ID?
    var name: String
    var kind: Campaign.Kind
    var specialty: Specialty
    var screeningType: String?
    var mode: ConsultationMode
    var period: Horizon
    var targets: [CampaignTarget]
    var minutesPerPatient: Int
    var loadPerPatient: Int?
    var equipment: [Equipment]?

    /// The campaign under `id` (the body's own, else the one given).
    func campaign(id generated: Campaign.ID) -> Campaign {
        Campaign(
            id: id ?? generated, name: name, kind: kind, specialty: specialty, screeningType: screeningType, mode: mode,
            period: period, targets: targets, minutesPerPatient: minutesPerPatient, loadPerPatient: loadPerPatient,
            equipment: equipment ?? [])
    }
}
