import Foundation
import TelemedCore

/// A row of `sites`. Opening hours, nurse hours, equipment and closures are JSON text: they are
/// read whole with the site, never searched.
struct SiteRecord: StoreRecord {
    static let databaseTableName = "sites"

    var id: Site.ID
    var position: Int
    var kind: Site.Kind
    var name: String
    var finess: String?
    var beds: Int?
    var inseeCode: String
    var commune: String
    var address: String
    var latitude: Double
    var longitude: Double
    var openingHours: [WeeklyWindow]
    var nurseHours: [WeeklyWindow]
    var rooms: Int
    var equipment: [Equipment]
    var closedDates: [LocalDate]
    var openOnPublicHolidays: Bool
    /// One-off opening intervals that replace the weekly hours when present.
    var openings: [UTCInterval]?
    var email: String?

    init(_ site: Site, position: Int) {
        id = site.id
        self.position = position
        kind = site.kind
        name = site.name
        finess = site.finess
        beds = site.beds
        inseeCode = site.inseeCode
        commune = site.commune
        address = site.address
        latitude = site.location.latitude
        longitude = site.location.longitude
        openingHours = site.openingHours
        nurseHours = site.nurseHours
        rooms = site.rooms
        equipment = site.equipment
        closedDates = site.closedDates
        openOnPublicHolidays = site.openOnPublicHolidays
        openings = site.openings
        email = site.email
    }

    var site: Site {
        Site(
            id: id, kind: kind, name: name, finess: finess, beds: beds, inseeCode: inseeCode, commune: commune,
            address: address, location: GeoPoint(latitude: latitude, longitude: longitude),
            openingHours: openingHours, nurseHours: nurseHours, rooms: rooms, equipment: equipment,
            closedDates: closedDates, openOnPublicHolidays: openOnPublicHolidays, openings: openings, email: email)
    }
}
