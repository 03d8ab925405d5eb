import Foundation
import TelemedCore

/// A row of `requests`. The patient is a pseudonymous reference (indexed: a patient's other
/// bookings are checked at every confirmation); required equipment is JSON text.
struct RequestRecord: StoreRecord {
    static let databaseTableName = "requests"

    var id: ConsultationRequest.ID
    var position: Int
    var siteId: Site.ID
    var patientRef: String
    var specialty: Specialty
    var mode: ConsultationMode
    var requiredEquipment: [Equipment]
    var durationMinutes: Int
    var urgency: Urgency
    var releaseDate: LocalDate
    var earliestDate: LocalDate?
    var preferredSpecialistId: Specialist.ID?
    /// Units of a unit's capacity the request uses; nil means 1.
    var load: Int?
    /// The consent's giver and day (both or neither; no name).
    var consentGivenBy: ConsentGiver?
    var consentRecordedOn: LocalDate?
    /// Its care series (v17): all null, or id, index, count and gaps of an expanded occurrence.
    var seriesId: CareSeries.ID?
    var seriesIndex: Int?
    var seriesCount: Int?
    var seriesMinGapDays: Int?
    var seriesMaxGapDays: Int?
    /// A campaign's patient (v18): its campaign and the campaign's last day; null otherwise.
    var latestDate: LocalDate?
    var campaignId: Campaign.ID?

    init(_ request: ConsultationRequest, position: Int) {
        id = request.id
        self.position = position
        siteId = request.siteId
        patientRef = request.patientRef
        specialty = request.specialty
        mode = request.mode
        requiredEquipment = request.requiredEquipment
        durationMinutes = request.durationMinutes
        urgency = request.urgency
        releaseDate = request.releaseDate
        earliestDate = request.earliestDate
        preferredSpecialistId = request.preferredSpecialistId
        load = request.load
        consentGivenBy = request.consent?.givenBy
        consentRecordedOn = request.consent?.recordedOn
        seriesId = request.series?.id
        seriesIndex = request.series?.index
        seriesCount = request.series?.count
        seriesMinGapDays = request.series?.minGapDays
        seriesMaxGapDays = request.series?.maxGapDays
        latestDate = request.latestDate
        campaignId = request.campaignId
    }

    /// Read by hand: requests are read on every confirmation, and `Codable` decoding costs several
    /// times more.
    init(row: SQLRow) throws {
        id = try row.decode("id")
        position = try row.decode("position")
        siteId = try row.decode("siteId")
        patientRef = try row.decode("patientRef")
        specialty = Specialty(rawValue: try row.decode("specialty"))
        guard let mode = ConsultationMode(rawValue: try row.decode("mode")),
            let urgency = Urgency(rawValue: try row.decode("urgency"))
        else { throw StoreError.unknownReference("request mode or urgency of \(id)") }
        self.mode = mode
        self.urgency = urgency
        let equipment: String = try row.decode("requiredEquipment")
        // Most requests need no equipment; skipping the JSON decoder for them is measurable.
        requiredEquipment =
            equipment == "[]" ? [] : try StoreJSON.decoder.decode([Equipment].self, from: Data(equipment.utf8))
        durationMinutes = try row.decode("durationMinutes")
        releaseDate = try LocalDate(try row.decode(String.self, "releaseDate"))
        earliestDate = try row.decode(String?.self, "earliestDate").map { try LocalDate($0) }
        preferredSpecialistId = try row.decode("preferredSpecialistId")
        load = try row.decode("load")
        if let giver = try row.decode(String?.self, "consentGivenBy") {
            guard let givenBy = ConsentGiver(rawValue: giver) else {
                throw StoreError.unknownReference("consent giver of request \(id)")
            }
            consentGivenBy = givenBy
        }
        consentRecordedOn = try row.decode(String?.self, "consentRecordedOn").map { try LocalDate($0) }
        seriesId = try row.decode("seriesId")
        seriesIndex = try row.decode("seriesIndex")
        seriesCount = try row.decode("seriesCount")
        seriesMinGapDays = try row.decode("seriesMinGapDays")
        seriesMaxGapDays = try row.decode("seriesMaxGapDays")
        latestDate = try row.decode(String?.self, "latestDate").map { try LocalDate($0) }
        campaignId = try row.decode("campaignId")
    }

    var request: ConsultationRequest {
        ConsultationRequest(
            id: id, siteId: siteId, patientRef: patientRef, specialty: specialty, mode: mode,
            requiredEquipment: requiredEquipment, durationMinutes: durationMinutes, urgency: urgency,
            releaseDate: releaseDate, earliestDate: earliestDate, preferredSpecialistId: preferredSpecialistId,
            load: load, consent: consent, latestDate: latestDate, campaignId: campaignId, series: series)
    }

    var series: CareSeries? {
        guard let seriesCount, let seriesMinGapDays, let seriesMaxGapDays else { return nil }
        return CareSeries(
            id: seriesId, index: seriesIndex, count: seriesCount, minGapDays: seriesMinGapDays,
            maxGapDays: seriesMaxGapDays)
    }

    var consent: Consent? {
        guard let consentGivenBy, let consentRecordedOn else { return nil }
        return Consent(givenBy: consentGivenBy, recordedOn: consentRecordedOn)
    }
}
