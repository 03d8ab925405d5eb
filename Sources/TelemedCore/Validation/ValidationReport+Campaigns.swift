/// Checks of the campaigns: a known id once, `crew` or `async` work with a crew or a reader, a
/// period inside the horizon, targets that name a site or a commune with town points, each once.
extension ValidationReport {
    mutating func checkCampaigns() {
        checkDuplicateIds(scenario.campaigns.map(\.id.rawValue), collection: "campaigns")
        let practised = Set(scenario.specialists.flatMap(\.specialties))
        let provided = Set(scenario.sites.flatMap(\.equipment) + scenario.units.flatMap(\.equipment))
        for (position, campaign) in scenario.campaigns.enumerated() {
            let path = JSONPath("campaigns")[position]
            checkText(campaign.id.rawValue, at: path.key("id"), maxLength: 32)
            checkText(campaign.name, at: path.key("name"))
            if let type = campaign.screeningType { checkText(type, at: path.key("screeningType"), maxLength: 64) }
            switch campaign.mode {
            case .live:
                report(path.key("mode"), "a campaign is crew or async work (a unit's crew, or captures read later)")
            case .crew where scenario.units.isEmpty:
                report(path.key("mode"), "crew work needs an itinerant unit, and the scenario has none")
            case .async where !practised.contains(campaign.specialty):
                report(path.key("specialty"), "no specialist practises \"\(campaign.specialty)\" to read the captures")
            default: break
            }
            if !(1...Self.maxDurationMinutes).contains(campaign.minutesPerPatient) {
                report(
                    path.key("minutesPerPatient"),
                    "minutes per patient must be 1…\(Self.maxDurationMinutes), found \(campaign.minutesPerPatient)")
            }
            if let load = campaign.loadPerPatient, load < 0 {
                report(path.key("loadPerPatient"), "load cannot be negative, found \(load)")
            }
            for (index, item) in campaign.equipment.enumerated() where !provided.contains(item) {
                report(path.key("equipment")[index], "no site or unit has \"\(item)\"")
            }
            if campaign.period.end < campaign.period.start {
                report(path.key("period"), "ends \(campaign.period.end) before it starts \(campaign.period.start)")
            } else {
                checkInsideHorizon(campaign.period.start, at: path.key("period").key("start"), what: "start")
                checkInsideHorizon(campaign.period.end, at: path.key("period").key("end"), what: "end")
            }
            checkTargets(of: campaign, at: path)
        }
    }

    private mutating func checkTargets(of campaign: Campaign, at path: JSONPath) {
        if campaign.targets.isEmpty { report(path.key("targets"), "a campaign needs at least one site or commune") }
        if campaign.expectedPatients > Campaign.maxTotalPatients {
            report(
                path.key("targets"),
                "a campaign expects at most \(Campaign.maxTotalPatients) patients in all, found "
                    + "\(campaign.expectedPatients)")
        }
        var seen: Set<String> = []
        for (index, target) in campaign.targets.enumerated() {
            let at = path.key("targets")[index]
            let range = Campaign.patientsRange
            if !range.contains(target.patients) {
                report(
                    at.key("patients"),
                    "expected patients must be \(range.lowerBound)…\(range.upperBound), found \(target.patients)")
            }
            switch (target.siteId, target.inseeCode) {
            case (let site?, nil):
                if ids.sites[site] == nil { report(at.key("siteId"), "unknown site \"\(site)\"") }
                if !seen.insert("site:\(site)").inserted {
                    report(at.key("siteId"), "site \"\(site)\" is listed twice")
                }
            case (nil, let code?):
                checkCommuneCode(code, at: at.key("inseeCode"))
                if FrenchCodes.isCommuneCode(code), Campaign.sites(of: target, in: scenario.sites).isEmpty {
                    report(at.key("inseeCode"), "no town point in commune \(code): add one, or name a site")
                }
                if !seen.insert("commune:\(code)").inserted {
                    report(at.key("inseeCode"), "commune \(code) is listed twice")
                }
            default:
                report(at, "a target names either a siteId or an inseeCode, not both")
            }
        }
    }
}
