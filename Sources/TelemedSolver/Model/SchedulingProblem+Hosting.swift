extension SchedulingProblem {
    /// The units that may host `request`: they carry what it needs beyond the site's own
    /// equipment (``EquipmentAvailable``) and can drive to its site and back within a day
    /// (``UnitRouteFeasible/reaches(_:_:travel:)``). No other unit's day can hold it.
    func unitsThatMayHost(_ request: Int) -> [Int] { hostingUnits[request] }

    static func hostingUnits(of request: Request, sites: [Site], units: [Unit], travel: TravelMatrix) -> [Int] {
        let site = sites[request.site]
        return units.indices.filter {
            EquipmentAvailable.satisfied(required: request.equipment, site: site.equipment, unit: units[$0].equipment)
                && UnitRouteFeasible.reaches(units[$0], site, travel: travel)
        }
    }
}
