import Foundation

/// The field names of scenario format version 1, object by object, so that a misspelt key
/// (`"nurseHour"`) is reported instead of silently ignored: decoding skips unknown keys and would
/// give the misspelt field its default. A test encodes a scenario that uses every field and checks
/// this list against it, so the list cannot drift from the types.
enum ScenarioFields {
    static let scenario: Set = [
        "formatVersion", "name", "provenance", "horizon", "timeZone", "holidays", "urgencyDelays", "asyncReviewDays",
        "weights", "travel", "sites", "specialists", "units", "requests", "bookings", "ticksPerMinute", "zones",
        "campaigns",
    ]
    static let interval: Set = ["start", "end"]
    static let holidays: Set = ["observeFrenchPublicHolidays", "alsaceMoselle"]
    static let urgencyTable: Set = ["urgent", "soon", "routine"]
    static let weights: Set = [
        "served", "latenessPerDay", "travelMinute", "continuityBroken", "specialistOvertimeMinute",
        "territorialFairness", "proposalMoved", "zoneFairness",
    ]
    static let travel: Set = ["model", "roadFactor", "speedBands", "matrixFile", "symmetric"]
    static let speedBand: Set = ["upToKilometres", "kilometresPerHour"]
    static let site: Set = [
        "id", "kind", "name", "finess", "beds", "inseeCode", "commune", "address", "location", "openingHours",
        "nurseHours", "rooms", "equipment", "closedDates", "openOnPublicHolidays", "openings", "email",
    ]
    static let location: Set = ["latitude", "longitude"]
    static let weeklyWindow: Set = ["day", "start", "end"]
    static let specialist: Set = [
        "id", "name", "rpps", "specialties", "weeklyAvailability", "exceptions", "maxSessionsPerDay", "videoLink",
        "email",
    ]
    static let exception: Set = ["kind", "start", "end", "note"]
    static let unit: Set = [
        "id", "name", "crew", "depot", "equipment", "operatingDays", "shift", "lunchBreak", "setupMinutes",
        "maxDrivingMinutesPerDay", "capacityPerDay", "recurringStops", "unavailableDates", "routeCutoff", "email",
    ]
    static let depot: Set = ["name", "inseeCode", "location"]
    static let lunchBreak: Set = ["earliestStart", "latestEnd", "minutes"]
    static let recurringStop: Set = [
        "day", "siteId", "arrival", "departure", "everyWeeks", "anchorDate", "weekOfMonth",
    ]
    static let request: Set = [
        "id", "siteId", "patientRef", "specialty", "mode", "requiredEquipment", "durationMinutes", "urgency",
        "releaseDate", "earliestDate", "preferredSpecialistId", "load", "consent", "latestDate", "campaignId",
        "series",
    ]
    static let consent: Set = ["givenBy", "recordedOn"]
    static let series: Set = ["id", "index", "count", "minGapDays", "maxGapDays"]
    static let booking: Set = [
        "id", "requestId", "specialistId", "siteId", "start", "end", "review", "host", "status", "version", "room",
    ]
    static let host: Set = ["kind", "unitId"]
    static let zone: Set = ["name", "kind", "communes"]
    static let campaign: Set = [
        "id", "name", "kind", "specialty", "screeningType", "mode", "period", "targets", "minutesPerPatient",
        "loadPerPatient", "equipment",
    ]
    static let campaignTarget: Set = ["siteId", "inseeCode", "patients"]
}
