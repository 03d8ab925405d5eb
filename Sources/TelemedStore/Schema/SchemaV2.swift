import GRDB

/// Migration `v2`: the scenario's entities, bookings, unit routes, plan runs, API tokens and feed
/// secrets.
///
/// Column choice: whatever a query filters on or a rule checks is a column (ids, times, status,
/// host unit, patient reference, rooms, capacities); nested lists that are only ever read whole
/// with their owner (opening hours, equipment, specialties, operating days, closed dates, scenario
/// weights and travel settings) are JSON text, checked with `json_valid`. Instants are UTC text
/// `YYYY-MM-DD HH:MM:SS.SSS` (GRDB's format, ordered as text), local dates `YYYY-MM-DD`, local
/// times `HH:mm`. `position` keeps the scenario's order so an export gives back the same arrays.
enum SchemaV2 {
    static func migrate(_ db: Database) throws {
        try createScenarioTables(db)
        try createBookingTables(db)
        try createRunAndAccessTables(db)
    }

    private static func json(_ t: TableDefinition, _ name: String, nullable: Bool = false) {
        let column = t.column(name, .jsonText)
        if !nullable { column.notNull() }
        t.check(sql: "\(name) IS NULL OR json_valid(\(name))")
    }

    private static func createScenarioTables(_ db: Database) throws {
        try db.create(table: "scenarioSettings") { t in
            t.primaryKey("id", .integer).check { $0 == 1 }
            t.column("formatVersion", .integer).notNull()
            t.column("name", .text).notNull()
            t.column("provenance", .text)
            t.column("horizonStart", .text).notNull()
            t.column("horizonEnd", .text).notNull()
            t.column("timeZone", .text).notNull()
            json(t, "holidays")
            json(t, "urgencyDelays")
            t.column("asyncReviewDays", .integer).notNull()
            json(t, "weights")
            json(t, "travel")
            t.column("ticksPerMinute", .integer)
        }
        try db.create(table: "sites") { t in
            t.primaryKey("id", .text)
            t.column("position", .integer).notNull().unique()
            t.column("kind", .text).notNull().check(sql: "kind IN ('ehpad', 'townPoint')")
            t.column("name", .text).notNull()
            t.column("finess", .text)
            t.column("beds", .integer)
            t.column("inseeCode", .text).notNull()
            t.column("commune", .text).notNull()
            t.column("address", .text).notNull()
            t.column("latitude", .double).notNull()
            t.column("longitude", .double).notNull()
            json(t, "openingHours")
            json(t, "nurseHours")
            t.column("rooms", .integer).notNull()
            json(t, "equipment")
            json(t, "closedDates")
            t.column("openOnPublicHolidays", .boolean).notNull()
            json(t, "openings", nullable: true)
        }
        try db.create(table: "specialists") { t in
            t.primaryKey("id", .text)
            t.column("position", .integer).notNull().unique()
            t.column("name", .text).notNull()
            t.column("rpps", .text).notNull()
            json(t, "specialties")
            t.column("maxSessionsPerDay", .integer).notNull()
            t.column("videoLink", .text)
        }
        try db.create(table: "specialistWeeklyWindows") { t in
            t.column("specialistId", .text).notNull().references("specialists", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("day", .text).notNull()
            t.column("start", .text).notNull()
            t.column("end", .text).notNull()
            t.primaryKey(["specialistId", "position"])
        }
        try db.create(table: "specialistExceptions") { t in
            t.column("specialistId", .text).notNull().references("specialists", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("kind", .text).notNull().check(sql: "kind IN ('unavailable', 'available')")
            t.column("start", .datetime).notNull()
            t.column("end", .datetime).notNull()
            t.column("note", .text)
            t.primaryKey(["specialistId", "position"])
        }
        try db.create(
            index: "specialistExceptions_time", on: "specialistExceptions", columns: ["specialistId", "start"])
        try db.create(table: "units") { t in
            t.primaryKey("id", .text)
            t.column("position", .integer).notNull().unique()
            t.column("name", .text).notNull()
            t.column("crew", .text).notNull()
            t.column("depotName", .text).notNull()
            t.column("depotInseeCode", .text).notNull()
            t.column("depotLatitude", .double).notNull()
            t.column("depotLongitude", .double).notNull()
            json(t, "equipment")
            json(t, "operatingDays")
            t.column("shiftStart", .text).notNull()
            t.column("shiftEnd", .text).notNull()
            t.column("lunchEarliestStart", .text)
            t.column("lunchLatestEnd", .text)
            t.column("lunchMinutes", .integer)
            t.column("setupMinutes", .integer).notNull()
            t.column("maxDrivingMinutesPerDay", .integer).notNull()
            t.column("capacityPerDay", .integer)
            json(t, "unavailableDates")
            t.column("routeCutoff", .text).notNull()
        }
        try db.create(table: "unitRecurringStops") { t in
            t.column("unitId", .text).notNull().references("units", onDelete: .cascade)
            t.column("position", .integer).notNull()
            t.column("day", .text).notNull()
            t.column("siteId", .text).notNull().references("sites")
            t.column("arrival", .text).notNull()
            t.column("departure", .text).notNull()
            t.primaryKey(["unitId", "position"])
        }
        try db.create(table: "requests") { t in
            t.primaryKey("id", .text)
            t.column("position", .integer).notNull().unique()
            t.column("siteId", .text).notNull().references("sites").indexed()
            t.column("patientRef", .text).notNull().indexed()
            t.column("specialty", .text).notNull()
            t.column("mode", .text).notNull()
            json(t, "requiredEquipment")
            t.column("durationMinutes", .integer).notNull()
            t.column("urgency", .text).notNull()
            t.column("releaseDate", .text).notNull()
            t.column("earliestDate", .text)
            t.column("preferredSpecialistId", .text).references("specialists")
            t.column("load", .integer)
        }
    }

    private static func createBookingTables(_ db: Database) throws {
        try db.create(table: "bookings") { t in
            t.primaryKey("id", .text)
            t.column("position", .integer).notNull().unique()
            t.column("requestId", .text).notNull().references("requests").indexed()
            // Nullable: a crew-only booking has no specialist.
            t.column("specialistId", .text).references("specialists")
            t.column("siteId", .text).notNull().references("sites")
            t.column("start", .datetime).notNull()
            t.column("end", .datetime).notNull()
            t.column("reviewStart", .datetime)
            t.column("reviewEnd", .datetime)
            t.column("hostUnitId", .text).references("units")
            t.column("status", .text).notNull()
                .check(sql: "status IN ('proposed', 'confirmed', 'cancelled', 'done')")
            t.column("version", .integer).notNull().check { $0 >= 1 }
            t.column("room", .integer)
            t.check(sql: "start < end")
            t.check(sql: "(reviewStart IS NULL) = (reviewEnd IS NULL)")
        }
        try db.create(index: "bookings_site_time", on: "bookings", columns: ["siteId", "start"])
        try db.create(index: "bookings_specialist_time", on: "bookings", columns: ["specialistId", "start"])
        try db.create(index: "bookings_unit_time", on: "bookings", columns: ["hostUnitId", "start"])
        try db.create(table: "unitDays") { t in
            t.column("unitId", .text).notNull().references("units")
            t.column("date", .text).notNull()
            t.column("leavesDepot", .datetime).notNull()
            t.column("returnsDepot", .datetime).notNull()
            t.column("lunchStart", .datetime)
            t.column("lunchEnd", .datetime)
            t.column("drivingMinutes", .double).notNull()
            t.column("kilometres", .double).notNull()
            t.primaryKey(["unitId", "date"])
        }
        try db.create(table: "unitVisits") { t in
            t.column("unitId", .text).notNull()
            t.column("date", .text).notNull()
            t.column("stopOrder", .integer).notNull()
            t.column("siteId", .text).notNull().references("sites")
            t.column("arrival", .datetime).notNull()
            t.column("departure", .datetime).notNull()
            t.column("pinned", .boolean).notNull()
            t.primaryKey(["unitId", "date", "stopOrder"])
            t.foreignKey(["unitId", "date"], references: "unitDays", onDelete: .cascade)
        }
    }

    private static func createRunAndAccessTables(_ db: Database) throws {
        try db.create(table: "planRuns") { t in
            t.primaryKey("id", .text)
            t.column("kind", .text).notNull()
            t.column("status", .text).notNull()
            t.column("createdAt", .datetime).notNull().indexed()
            t.column("scenarioHash", .text).notNull()
            json(t, "kpis", nullable: true)
            json(t, "plan", nullable: true)
        }
        try db.create(table: "apiTokens") { t in
            t.autoIncrementedPrimaryKey("id")
            // SHA-256 of the token, lowercase hex; the token itself is never stored.
            t.column("tokenHash", .text).notNull().unique()
                .check(sql: "length(tokenHash) = 64 AND tokenHash NOT GLOB '*[^0-9a-f]*'")
            t.column("role", .text).notNull()
                .check(
                    sql: "role IN ('admin', 'planner') OR role GLOB 'site:?*' OR role GLOB 'unit:?*'"
                        + " OR role GLOB 'specialist:?*'")
            t.column("createdAt", .datetime).notNull()
            t.column("revokedAt", .datetime)
        }
        try db.create(table: "feedSecrets") { t in
            t.autoIncrementedPrimaryKey("id")
            // SHA-256 of the URL secret, lowercase hex.
            t.column("secretHash", .text).notNull().unique()
                .check(sql: "length(secretHash) = 64 AND secretHash NOT GLOB '*[^0-9a-f]*'")
            t.column("ownerKind", .text).notNull().check(sql: "ownerKind IN ('site', 'unit', 'specialist')")
            t.column("ownerId", .text).notNull()
            t.column("createdAt", .datetime).notNull()
            t.column("revokedAt", .datetime)
        }
        try db.create(index: "feedSecrets_owner", on: "feedSecrets", columns: ["ownerKind", "ownerId"])
    }
}
