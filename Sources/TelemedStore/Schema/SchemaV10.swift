import GRDB

/// v10: the outcome of each session. `bookings.status` also takes `noShow` and `notHeld`, and
/// `outcomeReason` says why, when someone said (`OutcomeReason`). SQLite cannot change a column's
/// CHECK, so the table is rebuilt (``BookingsTableRebuild``), with its indexes and the committed
/// partial indexes of v8 widened to `noShow`: a missed session kept its specialist and room.
/// Foreign keys are off during migrations and checked after this one.
enum SchemaV10 {
    static let committed = "status IN ('confirmed', 'done', 'noShow')"

    static func migrate(_ db: Database) throws {
        try BookingsTableRebuild.run(
            db, statuses: ["proposed", "confirmed", "cancelled", "done", "noShow", "notHeld"], committed: committed,
            copiesOutcomeReason: false)
    }
}
