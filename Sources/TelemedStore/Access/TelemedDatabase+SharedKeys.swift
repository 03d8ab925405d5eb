import Foundation

extension TelemedDatabase {
    /// A 256-bit key every replica of the database shares (the CSRF values of the pages, and on
    /// PostgreSQL the feed links' and webhook secrets' keys): made by the first process that asks,
    /// under the write transaction, so two replicas starting together agree on one.
    public func sharedKey(named name: String) throws -> Data {
        let key = "key." + name
        let fresh = KeyFile.random()
        let stored = try database.write { db -> String? in
            try db.execute(
                sql: "INSERT INTO storeMetadata (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING",
                arguments: [key, fresh.base64EncodedString()])
            return try db.fetchOne(String.self, sql: "SELECT value FROM storeMetadata WHERE key = ?", arguments: [key])
        }
        guard let stored, let data = Data(base64Encoded: stored), data.count == 32 else {
            throw StoreError.corruptKey(name)
        }
        return data
    }

    /// Stores `key` (32 bytes) as the shared key `name`, replacing any: `db copy` carries the key
    /// files of a SQLite database into PostgreSQL, so the links and secrets they sealed still open.
    public func setSharedKey(named name: String, to key: Data) throws {
        guard key.count == 32 else { throw StoreError.corruptKey(name) }
        try setMetadataValue(key.base64EncodedString(), forKey: "key." + name)
    }
}
