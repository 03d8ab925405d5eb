/// The rules a site interval must satisfy, one builder per host kind, so that the insertion
/// options and the check of a seen place (``InsertionSearch/incumbentOption(for:in:)``) ask the
/// same questions and cannot drift apart.
extension InsertionSearch {
    /// On the site's own equipment: open, a room, the patient free; for a `live` consultation the
    /// nurse present and `specialist` available, free and under the day's maximum. An `async`
    /// capture passes no specialist: its review is a query of its own (``reviewQuery(_:duration:_:)``).
    func siteQuery(_ request: Int, liveSpecialist specialist: Int?, _ state: SolutionState) -> FitQuery {
        let model = problem.requests[request]
        let site = problem.sites[model.site]
        var query = FitQuery(
            duration: model.duration, siteOpen: site.open, patientBusy: state.patientBusy[model.patient],
            siteRooms: (state.siteBusy[model.site], site.rooms))
        if let specialist {
            query.nursePresent = site.nursePresent
            addSpecialist(specialist, to: &query, state)
        }
        return query
    }

    /// With a unit, at its `station` on the site: open, the patient free, and for a `live`
    /// consultation `specialist` as on a site. No nurse: the unit's crew accompanies (NursePresent).
    func unitQuery(
        _ request: Int, liveSpecialist specialist: Int?, station: BusyList, _ state: SolutionState
    ) -> FitQuery {
        let model = problem.requests[request]
        var query = FitQuery(
            duration: model.duration, siteOpen: problem.sites[model.site].open,
            patientBusy: state.patientBusy[model.patient], unitStation: station)
        if let specialist { addSpecialist(specialist, to: &query, state) }
        return query
    }

    private func addSpecialist(_ specialist: Int, to query: inout FitQuery, _ state: SolutionState) {
        query.specialistAvailable = problem.specialists[specialist].available
        query.specialistBusy = state.specialistBusy[specialist]
        query.specialistDailyMax = SpecialistDailyMax(specialist, in: state)
    }
}
