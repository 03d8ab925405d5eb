import GRDB

/// v11: the resident's consent to teleconsultation on each request (`Consent`): who gave it
/// (`resident` or `representative`, never a name) and the day it was recorded, both or neither.
/// A confirmation of a `live` request reads them (`DatabaseBookingStore.requireConsent`).
enum SchemaV11 {
    static func migrate(_ db: Database) throws {
        try db.alter(table: "requests") { t in
            t.add(column: "consentGivenBy", .text)
                .check(sql: "consentGivenBy IS NULL OR consentGivenBy IN ('resident', 'representative')")
            t.add(column: "consentRecordedOn", .text)
                .check(sql: "(consentRecordedOn IS NULL) = (consentGivenBy IS NULL)")
        }
    }
}
