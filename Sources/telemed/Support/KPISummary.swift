import TelemedSolver

/// The KPI summary printed after `solve` and `check`: service by urgency, by mode and by
/// department, waits, lateness, unit driving, utilisation and why requests were left out.
enum KPISummary {
    static func render(_ kpis: PlanKPIs) -> String {
        var lines = [
            "Served \(kpis.served) of \(kpis.requests) requests (\(LocalFormat.percent(kpis.servedPercent))), "
                + "\(kpis.late) late, \(kpis.unassigned) unassigned",
            "",
        ]
        var urgency = TextTable(
            "urgency", "requests", "served", "served %", "median wait d", "p90 wait d", "late")
        for figures in kpis.byUrgency {
            urgency.add([
                figures.urgency.rawValue, "\(figures.requests)", "\(figures.served)",
                LocalFormat.percent(figures.servedPercent), LocalFormat.optional(figures.waitMedianDays),
                LocalFormat.optional(figures.waitP90Days), "\(figures.late)",
            ])
        }
        lines += [urgency.render(), ""]

        var groups = TextTable("served by", "requests", "served", "served %")
        for share in kpis.byMode { groups.add(row("mode \(share.key)", share)) }
        for share in kpis.byDepartment { groups.add(row("department \(share.key)", share)) }
        lines += [groups.render(), ""]

        lines.append(
            "Units: \(LocalFormat.decimal(kpis.unitKilometres)) km, \(LocalFormat.decimal(kpis.unitDrivingHours)) h "
                + "driving, \(kpis.unitDaysUsed) unit days, \(kpis.visits) visits; utilisation "
                + "\(LocalFormat.percent(ratio: kpis.unitUtilisation.ratio)) of shift time")
        let specialists = kpis.specialistUtilisation
        lines.append(
            "Specialists: utilisation \(LocalFormat.percent(ratio: specialists.ratio)) "
                + "(\(LocalFormat.decimal(Double(specialists.busyMinutes) / 60)) h booked of "
                + "\(LocalFormat.decimal(Double(specialists.availableMinutes) / 60)) h available)")
        if let stability = kpis.stability {
            lines.append(
                "Stability: \(stability.kept) of the \(stability.seen) proposed bookings staff had seen kept, "
                    + "\(stability.moved) moved (\(LocalFormat.percent(ratio: Double(stability.moved) / Double(stability.seen))))"
            )
        }
        for campaign in kpis.campaigns ?? [] {
            let total = campaign.total
            lines.append(
                "Campaign \(campaign.campaignId) (\(campaign.period.start) … \(campaign.period.end)): "
                    + "\(total.planned) of \(total.patients) patients planned, \(total.done) screened, "
                    + "\(total.noShow) missed, at \(campaign.sites.count) sites")
        }
        if !kpis.unassignedByConstraint.isEmpty {
            var unassigned = TextTable("unassigned because of", "requests")
            for entry in kpis.unassignedByConstraint { unassigned.add([entry.constraint.rawValue, "\(entry.count)"]) }
            lines += ["", unassigned.render()]
        }
        return lines.joined(separator: "\n")
    }

    private static func row(_ label: String, _ share: ServedShare) -> [String] {
        [label, "\(share.requests)", "\(share.served)", LocalFormat.percent(share.servedPercent)]
    }
}
