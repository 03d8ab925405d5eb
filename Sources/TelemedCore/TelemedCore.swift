/// # TelemedCore
///
/// The vocabulary of telemed as value types: sites (EHPADs and town points), specialists,
/// itinerant units, consultation requests, bookings, visits and plans; the versioned scenario
/// JSON format with its validation (every problem at once, with its JSON path); local time in
/// `Europe/Paris` turned into UTC day by day, and French public holidays; the travel model; and
/// the seeded generator of the synthetic demo region. Imports Foundation only, does no I/O
/// beyond reading the files it is handed.
public enum TelemedCore {
    /// The product version, shown by `telemed --version` and `/healthz`.
    public static let version = "0.1.0"
}
