import GRDB
import TelemedCore

extension TelemedDatabase {
    /// The stored campaigns, in order.
    public func campaigns() throws -> [Campaign] {
        try writer.read { db in try Self.loadCampaigns(db) }
    }

    static func loadCampaigns(_ db: Database) throws -> [Campaign] {
        try CampaignRecord.order(Column("position").asc).fetchAll(db).map(\.definition)
    }
}
