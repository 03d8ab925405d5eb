import GRDB

/// v12: the waiting list. `bookings.status` also takes `held` (a slot kept for a waiting request,
/// committed like a confirmation until it is booked or released), so the table is rebuilt again
/// (``BookingsTableRebuild``) and the committed partial indexes cover held slots. `waitlist` has
/// one row per stay of a request on its site's list (a request whose session was not held comes
/// back: a new row), `waitlistOffers` one row per slot held for one (kept after it ends, for the
/// evaluation report and so that a lapsed slot is not offered to the same request again).
enum SchemaV12 {
    static let committed = "status IN ('confirmed', 'done', 'noShow', 'held')"

    static func migrate(_ db: Database) throws {
        try BookingsTableRebuild.run(
            db, statuses: ["proposed", "confirmed", "cancelled", "done", "noShow", "notHeld", "held"],
            committed: committed, copiesOutcomeReason: true)
        try db.create(table: "waitlist") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("requestId", .text).notNull().references("requests")
            t.column("siteId", .text).notNull().references("sites")
            t.column("enteredAt", .datetime).notNull()
            t.column("returned", .boolean).notNull()
            t.column("wantsBefore", .datetime)
            t.column("leftAt", .datetime)
            t.column("leftReason", .text).check(sql: "leftReason IS NULL OR leftReason IN ('booked', 'withdrawn')")
            t.check(sql: "(leftAt IS NULL) = (leftReason IS NULL)")
        }
        try db.create(table: "waitlistOffers") { t in
            // The proposal's id: the site books the offer with it.
            t.primaryKey("id", .text)
            t.column("entryId", .integer).notNull().references("waitlist")
            t.column("requestId", .text).notNull().references("requests")
            // The held booking; no foreign key, since a released hold leaves no booking.
            t.column("bookingId", .text).notNull()
            t.column("specialistId", .text)
            t.column("start", .datetime).notNull()
            t.column("end", .datetime).notNull()
            t.column("offeredAt", .datetime).notNull()
            t.column("expiresAt", .datetime).notNull()
            t.column("closedAt", .datetime)
            t.column("closedReason", .text)
                .check(sql: "closedReason IS NULL OR closedReason IN ('booked', 'lapsed', 'declined', 'withdrawn')")
            t.check(sql: "(closedAt IS NULL) = (closedReason IS NULL)")
        }
        try db.execute(
            sql: """
                CREATE UNIQUE INDEX waitlist_waiting ON waitlist (requestId) WHERE leftAt IS NULL;
                CREATE INDEX waitlist_site ON waitlist (siteId) WHERE leftAt IS NULL;
                CREATE INDEX waitlist_entered ON waitlist (enteredAt);
                CREATE UNIQUE INDEX waitlistOffers_open ON waitlistOffers (entryId) WHERE closedAt IS NULL;
                CREATE INDEX waitlistOffers_expiry ON waitlistOffers (expiresAt) WHERE closedAt IS NULL;
                CREATE INDEX waitlistOffers_request ON waitlistOffers (requestId);
                """)
    }
}
