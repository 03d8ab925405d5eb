import TelemedCore

/// `specialistAvailable`: the specialist interval (the consultation, or an `async` review) lies
/// inside one of the specialist's available intervals (``AvailabilityModel/available``).
/// ``FitQuery`` asks it for every start it searches.
enum SpecialistAvailable: InsideIntervalsRule {
    static let name = ConstraintName.specialistAvailable
}
