/// # TelemedSolver
///
/// The constraint model and the search: turns a ``Scenario`` into a ``Plan`` (pure Swift, no I/O).
import TelemedCore
