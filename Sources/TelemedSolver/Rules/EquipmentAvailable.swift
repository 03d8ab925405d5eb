import TelemedCore

/// `equipmentAvailable`: the required equipment is within the site's, or within the site's and
/// the hosting unit's together. Equipment is compiled to bit masks (``VocabularyMask``).
enum EquipmentAvailable: SolverRule {
    static let name = ConstraintName.equipmentAvailable

    /// Whether `required` ⊆ `site` ∪ `unit` (`unit`: 0 on the site's own equipment).
    @inline(__always)
    static func satisfied(required: UInt64, site: UInt64, unit: UInt64 = 0) -> Bool {
        required & ~(site | unit) == 0
    }
}
