import TelemedStore

/// The feed secret each site's or unit's page shows. The store keeps secrets hashed only, so the
/// ones made at setup cannot be shown again: the first page view of an owner in this process makes
/// it a new secret through the store's feed-secret API (audited like any other) and keeps it in
/// memory. Older secrets stay valid, so calendars already subscribed keep working; a restart makes
/// one more (revocable with the store's API like the others).
actor FeedLinks {
    private var secrets: [TelemedDatabase.FeedOwner: String] = [:]

    func secret(for owner: TelemedDatabase.FeedOwner, in database: TelemedDatabase) throws -> String {
        if let secret = secrets[owner] { return secret }
        let secret = try database.createFeedSecret(for: owner, actor: "pages")
        secrets[owner] = secret
        return secret
    }
}
