/// The region's typical unit and town point, for the siting search: a new place "like the
/// others", with every rule written down so a planner can tell what was assumed.
///
/// - **Unit**: the most common crew; among the units with that crew, every device at least half
///   of them carry and every weekday at least half of them operate, and the most common shift,
///   lunch break, set-up, driving limit, capacity and route cut-off (ties go to the value met
///   first in the file). No recurring stop, no day off.
/// - **Town point**: the most common weekly opening hours among the scenario's town points, the
///   nurse hours most often seen with them, the most common number of rooms, and every device at
///   least half of the town points have; without any town point, two days a week (Tuesday and
///   Thursday, 09:00–12:30 and 13:30–17:00) with a nurse on Tuesday mornings and a video cart.
public enum TypicalPlaces {
    /// A unit like the scenario's units, based at `depot`; nil when the scenario has no unit.
    public static func unit(of scenario: Scenario, id: MobileUnit.ID, name: String, depot: Depot) -> MobileUnit? {
        guard let crew = mostCommon(scenario.units.map(\.crew)) else { return nil }
        let peers = scenario.units.filter { $0.crew == crew }
        let first = peers[0]
        return MobileUnit(
            id: id, name: name, crew: crew, depot: depot,
            equipment: heldByHalf(peers.map(\.equipment)),
            operatingDays: Weekday.allCases.filter { day in
                2 * peers.filter { $0.operatingDays.contains(day) }.count >= peers.count
            },
            shift: mostCommon(peers.map(\.shift)) ?? first.shift,
            lunchBreak: mostCommon(peers.map(\.lunchBreak)) ?? first.lunchBreak,
            setupMinutes: mostCommon(peers.map(\.setupMinutes)) ?? first.setupMinutes,
            maxDrivingMinutesPerDay: mostCommon(peers.map(\.maxDrivingMinutesPerDay)) ?? first.maxDrivingMinutesPerDay,
            capacityPerDay: mostCommon(peers.map(\.capacityPerDay)) ?? first.capacityPerDay,
            routeCutoff: mostCommon(peers.map(\.routeCutoff)) ?? first.routeCutoff)
    }

    /// A town point like the scenario's, in the commune of `inseeCode`.
    public static func townPoint(of scenario: Scenario, inseeCode: String, id: Site.ID?) -> SiteInCommune {
        let townPoints = scenario.sites.filter { $0.kind == .townPoint }
        guard let hours = mostCommon(townPoints.map(\.openingHours)) else {
            let days: [Weekday] = [.tuesday, .thursday]
            return SiteInCommune(
                inseeCode: inseeCode, kind: .townPoint, id: id,
                openingHours: days.flatMap { day in [window(day, "09:00", "12:30"), window(day, "13:30", "17:00")] },
                nurseHours: [window(.tuesday, "09:00", "12:30")], equipment: [.videoCart])
        }
        let alike = townPoints.filter { $0.openingHours == hours }
        return SiteInCommune(
            inseeCode: inseeCode, kind: .townPoint, id: id, openingHours: hours,
            nurseHours: mostCommon(alike.map(\.nurseHours)) ?? [],
            rooms: mostCommon(townPoints.map(\.rooms)) ?? 1,
            equipment: heldByHalf(townPoints.map(\.equipment)))
    }

    /// The value met most often; ties go to the one met first. Nil for no value.
    static func mostCommon<T: Hashable>(_ values: [T]) -> T? {
        var counts: [T: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        var best: (value: T, count: Int)?
        for value in values where counts[value]! > (best?.count ?? 0) { best = (value, counts[value]!) }
        return best?.value
    }

    /// Every item at least half of the lists hold, in the order first met.
    static func heldByHalf<T: Hashable>(_ lists: [[T]]) -> [T] {
        var counts: [T: Int] = [:]
        var order: [T] = []
        for list in lists {
            for item in Set(list) { counts[item, default: 0] += 1 }
            for item in list where !order.contains(item) { order.append(item) }
        }
        return order.filter { 2 * counts[$0]! >= lists.count }
    }

    private static func window(_ day: Weekday, _ start: String, _ end: String) -> WeeklyWindow {
        WeeklyWindow(day: day, start: try! LocalTime(start), end: try! LocalTime(end))
    }
}
