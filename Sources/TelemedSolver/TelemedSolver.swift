/// # TelemedSolver
///
/// The constraint model and the search: turns a ``Scenario`` into a ``Plan`` (pure Swift, no I/O).
///
/// Everything the search touches is integers: instants are ticks (whole minutes unless the
/// scenario declares a finer resolution) on one UTC ``Timeline`` that starts at local midnight of
/// the horizon's first day, and every local-time rule (opening hours, nurse hours, weekly
/// availability, shifts) is turned once, day by day, into sorted ``IntervalSet``s held by an
/// ``AvailabilityModel``. Ids become array positions through
/// ``ScenarioIndex``, so the inner loops do array reads and binary searches, never date arithmetic.
import TelemedCore
