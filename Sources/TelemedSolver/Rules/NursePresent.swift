import TelemedCore

/// `nursePresent`: a `live` consultation on the site's own equipment lies inside the hours a
/// nurse is present (``AvailabilityModel/nursePresent``, already within opening hours); a unit's
/// crew accompanies the consultations it hosts.
enum NursePresent: InsideIntervalsRule {
    static let name = ConstraintName.nursePresent
}
