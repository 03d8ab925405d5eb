/// Ids for places a what-if adds, made from the scenario alone so the same scenario always gives
/// the same ids: the next number after the highest in use, in the demo's style.
public enum FreshIdentifiers {
    /// `T-58-0007` (`E-58-…` for an EHPAD): the commune's department, its next number.
    public static func site(_ kind: Site.Kind, _ commune: Commune, in scenario: Scenario) -> Site.ID {
        let prefix = "\(kind == .ehpad ? "E" : "T")-\(commune.departmentCode)-"
        return Site.ID(prefix + next(after: scenario.sites.map(\.id.rawValue), prefix: prefix, digits: 4))
    }

    /// `U-09`: the next unit number.
    public static func unit(in scenario: Scenario) -> MobileUnit.ID {
        MobileUnit.ID("U-" + next(after: scenario.units.map(\.id.rawValue), prefix: "U-", digits: 2))
    }

    private static func next(after ids: [String], prefix: String, digits: Int) -> String {
        let used = ids.compactMap { id in id.hasPrefix(prefix) ? Int(id.dropFirst(prefix.count)) : nil }
        let text = String((used.max() ?? 0) + 1)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
