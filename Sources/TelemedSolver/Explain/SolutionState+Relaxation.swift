/// Copies of a solution with one kind of resource emptied of movable bookings: the explainer asks
/// "would the request fit if only this were free?" to name what really blocks it. These states are
/// for option queries only; they are never turned into plans.
extension SolutionState {
    func freeingSpecialists(_ specialists: [Int], keepDailyCounts: Bool = false) -> SolutionState {
        var copy = self
        for specialist in specialists {
            copy.specialistBusy[specialist] = BusyList()
            if !keepDailyCounts {
                copy.specialistDayCount[specialist] = Array(repeating: 0, count: problem.timeline.dayCount)
            }
        }
        // One walk over the placements for all the specialists: a national plan has tens of
        // thousands, and a specialty dozens of specialists.
        let freed = Set(specialists)
        for (request, placement) in placements.enumerated() {
            guard let placement, let specialist = placement.specialist, freed.contains(specialist),
                !PinnedUnchanged.mayMove(request, in: self)
            else { continue }
            copy.specialistBusy[specialist].insert(placement.specialistInterval, owner: request)
            if !keepDailyCounts {
                copy.specialistDayCount[specialist][problem.dayIndex(ofTick: placement.specialistInterval.start)] += 1
            }
        }
        return copy
    }

    func freeingDailyCounts(_ specialists: [Int]) -> SolutionState {
        var copy = self
        for specialist in specialists {
            copy.specialistDayCount[specialist] = Array(repeating: 0, count: problem.timeline.dayCount)
        }
        return copy
    }

    func freeingUnits(_ units: Set<Int>) -> SolutionState {
        var copy = self
        for (request, placement) in placements.enumerated()
        where placement?.unit.map(units.contains) == true && PinnedUnchanged.mayMove(request, in: self) {
            copy.remove(request)
        }
        return copy
    }

    func freeingSiteRooms(_ site: Int) -> SolutionState {
        var copy = self
        copy.siteBusy[site] = BusyList()
        return copy
    }

    func freeingPatient(_ patient: Int) -> SolutionState {
        var copy = self
        copy.patientBusy[patient] = BusyList()
        return copy
    }
}
