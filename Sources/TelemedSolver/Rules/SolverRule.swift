import TelemedCore

/// A hard rule of docs/constraints.md as the solver enforces it. Each rule has one unit: a type
/// named after the rule that carries its ``ConstraintName`` and holds the solver's check, called
/// alike by construction, the repairs and ruins of the search, and proposals (none keeps a copy).
/// The plan checker (`Checker/`) verifies the same rules independently, from the plan document.
protocol SolverRule {
    static var name: ConstraintName { get }
}

extension ConstraintName {
    /// The solver's unit for this rule. No `default`: a rule added to the contract does not
    /// compile until the solver names where it enforces it.
    var solverRule: any SolverRule.Type {
        switch self {
        case .specialtyMatch: SpecialtyMatch.self
        case .specialistAvailable: SpecialistAvailable.self
        case .specialistNoOverlap: SpecialistNoOverlap.self
        case .specialistDailyMax: SpecialistDailyMax.self
        case .siteOpen: SiteOpen.self
        case .roomFree: RoomFree.self
        case .nursePresent: NursePresent.self
        case .equipmentAvailable: EquipmentAvailable.self
        case .unitPresent: UnitPresent.self
        case .unitRouteFeasible: UnitRouteFeasible.self
        case .withinHorizon: WithinHorizon.self
        case .patientNoOverlap: PatientNoOverlap.self
        case .pinnedUnchanged: PinnedUnchanged.self
        case .seriesSpacing: SeriesSpacing.self
        case .requestOnce: RequestOnce.self
        case .knownReference: KnownReference.self
        }
    }
}

/// A rule met by lying inside one piece of a precomputed ``IntervalSet`` (site open, nurse
/// present, specialist available).
protocol InsideIntervalsRule: SolverRule {}

extension InsideIntervalsRule {
    /// The earliest start `≥ notBefore` whose interval of `duration` lies inside one piece of
    /// `allowed` and ends by `limit`; nil when there is none.
    @inline(__always)
    static func earliestStart(in allowed: IntervalSet, notBefore: Int, duration: Int, notAfterEnd limit: Int) -> Int? {
        allowed.firstFit(duration: duration, notBefore: notBefore, notAfterEnd: limit)
    }
}

/// A rule met by overlapping none of a resource's bookings (a specialist, a patient, a unit's
/// station).
protocol NoOverlapRule: SolverRule {}

extension NoOverlapRule {
    /// The earliest start `≥ notBefore` whose interval of `duration` overlaps nothing in `busy`.
    @inline(__always)
    static func earliestStart(after busy: BusyList, notBefore: Int, duration: Int) -> Int {
        busy.nextFree(from: notBefore, duration: duration)
    }
}
