import TelemedCore

/// A row of `campaigns`: the definition as JSON text.
struct CampaignRecord: StoreRecord {
    static let databaseTableName = "campaigns"

    var id: Campaign.ID
    var position: Int
    var definition: Campaign

    init(_ campaign: Campaign, position: Int) {
        id = campaign.id
        self.position = position
        definition = campaign
    }
}
