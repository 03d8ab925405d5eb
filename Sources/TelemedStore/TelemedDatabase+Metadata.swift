extension TelemedDatabase {
    /// Reads one value of the store's key/value metadata (e.g. which region the file holds).
    public func metadataValue(forKey key: String) throws -> String? {
        try database.read { db in
            try db.fetchOne(String.self, sql: "SELECT value FROM storeMetadata WHERE key = ?", arguments: [key])
        }
    }

    /// Inserts or replaces one metadata value.
    public func setMetadataValue(_ value: String, forKey key: String) throws {
        guard !key.utf8.contains(0) else { throw StoreError.invalidText(field: "key") }
        guard !value.utf8.contains(0) else { throw StoreError.invalidText(field: "value") }
        try database.write { db in
            try db.execute(
                sql: "INSERT INTO storeMetadata (key, value) VALUES (?, ?) "
                    + "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        }
    }
}
