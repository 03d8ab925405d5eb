/// Checks of the zones: named once each, a well-formed kind, whole communes by INSEE code, each
/// once. (Whether a code names a real commune is the zones import's check, against the shipped
/// communes; a scenario may name communes of any region.)
extension ValidationReport {
    mutating func checkZones() {
        var seen: [String: Int] = [:]
        for (position, zone) in scenario.zones.enumerated() {
            let path = JSONPath("zones")[position]
            checkText(zone.name, at: path.key("name"))
            if let first = seen[zone.name] {
                report(path.key("name"), "duplicate zone name \"\(zone.name)\" (first used at zones[\(first)])")
            } else {
                seen[zone.name] = position
            }
            if !zone.kind.isWellFormed {
                report(
                    path.key("kind"),
                    "\"\(zone.kind.rawValue.prefix(40))\" is not a zone kind (ZIP, ZAC, QPV, custom, or letters, digits, - "
                        + "and _, at most 16)")
            }
            if zone.communes.isEmpty { report(path.key("communes"), "a zone needs at least one commune") }
            var codes: Set<String> = []
            for (index, code) in zone.communes.enumerated() {
                checkCommuneCode(code, at: path.key("communes")[index])
                if !codes.insert(code).inserted {
                    report(path.key("communes")[index], "commune \(code) is listed twice in the zone")
                }
            }
        }
    }
}
