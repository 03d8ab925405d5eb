import Foundation
import TelemedCore

extension TelemedDatabase {
    /// The stored campaigns, in order.
    public func campaigns() throws -> [Campaign] {
        try database.read { db in try Self.loadCampaigns(db) }
    }

    static func loadCampaigns(_ db: any SQLConnection) throws -> [Campaign] {
        try CampaignRecord.fetchAll(db, sql: "SELECT * FROM campaigns ORDER BY position").map(\.definition)
    }

    /// Stores a campaign a planner created with its patients' requests (``Campaign/requests(sites:)``)
    /// in one transaction, audited: the next re-optimisation plans them. A campaign id already
    /// stored, or a request id already taken, refuses the whole campaign.
    ///
    /// ```swift
    /// try database.addCampaign(campaign, requests: campaign.requests(sites: scenario.sites), actor: "planner")
    /// ```
    public func addCampaign(_ campaign: Campaign, requests: [ConsultationRequest], actor: String) throws {
        let now = clock.now()
        try database.write { db in
            if try CampaignRecord.exists(db, key: campaign.id) { throw StoreError.campaignExists(campaign.id) }
            let campaignPosition =
                try db.fetchOne(Int.self, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM campaigns") ?? 0
            try CampaignRecord(campaign, position: campaignPosition).insert(db)
            var position = try db.fetchOne(Int.self, sql: "SELECT COALESCE(MAX(position) + 1, 0) FROM requests") ?? 0
            for request in requests {
                guard try SiteRecord.exists(db, key: request.siteId) else {
                    throw StoreError.unknownReference("site \(request.siteId)")
                }
                if try RequestRecord.exists(db, key: request.id) { throw StoreError.campaignExists(campaign.id) }
                try RequestRecord(request, position: position).insert(db)
                position += 1
            }
            try AuditEntry(
                occurredAt: now, actor: actor, action: "campaign.create", entityKind: "campaign",
                entityId: campaign.id.rawValue,
                after: String(
                    decoding: try StoreJSON.encoder.encode(CampaignAudit(campaign, patients: requests.count)),
                    as: UTF8.self)
            ).append(to: db)
        }
    }

    /// The progress of every stored campaign from all its patients' bookings, past ones included
    /// (a window's export leaves out what has passed, so screened patients would be missing).
    public func campaignProgress() throws -> [CampaignProgress] {
        try database.read { db in try Self.campaignProgress(db) }
    }

    /// Each stored campaign with its progress, from one read: what the API lists.
    public func campaignsWithProgress() throws -> [(campaign: Campaign, progress: CampaignProgress)] {
        try database.read { db in
            let campaigns = try Self.loadCampaigns(db)
            return Array(zip(campaigns, try Self.campaignProgress(db, of: campaigns)))
        }
    }

    static func campaignProgress(_ db: any SQLConnection) throws -> [CampaignProgress] {
        try campaignProgress(db, of: loadCampaigns(db))
    }

    private static func campaignProgress(_ db: any SQLConnection, of campaigns: [Campaign]) throws -> [CampaignProgress]
    {
        guard !campaigns.isEmpty else { return [] }
        let patients = try db.fetchAll(
            sql: "SELECT id, siteId, campaignId FROM requests WHERE campaignId IS NOT NULL ORDER BY position"
        ).map { row in
            CampaignProgress.Patient(requestId: row["id"], siteId: row["siteId"], campaignId: row["campaignId"])
        }
        let bookings = try BookingRecord.fetchAll(
            db,
            sql: """
                SELECT b.* FROM bookings b JOIN requests r ON r.id = b.requestId
                WHERE r.campaignId IS NOT NULL
                """
        ).map(\.booking)
        return CampaignProgress.of(campaigns, patients: patients, bookings: bookings)
    }
}

/// What the audit log keeps of a created campaign: its definition's headline, never a patient.
private struct CampaignAudit: Encodable {
    var name: String
    var kind: Campaign.Kind
    var mode: ConsultationMode
    var period: Horizon
    var targets: Int
    var patients: Int

    init(_ campaign: Campaign, patients: Int) {
        name = campaign.name
        kind = campaign.kind
        mode = campaign.mode
        period = campaign.period
        targets = campaign.targets.count
        self.patients = patients
    }
}
