/// Checks of the resources: sites, specialists, itinerant units.
extension ValidationReport {
    mutating func checkSites() {
        for (position, site) in scenario.sites.enumerated() {
            let path = JSONPath("sites")[position]
            checkText(site.name, at: path.key("name"))
            checkText(site.address, at: path.key("address"), required: false)
            checkCommuneCode(site.inseeCode, at: path.key("inseeCode"))
            checkLocation(site.location, at: path.key("location"))
            switch site.kind {
            case .ehpad:
                if let finess = site.finess {
                    if !FrenchCodes.isFinessNumber(finess) {
                        report(
                            path.key("finess"), "\"\(finess)\" is not a FINESS number (9 characters, e.g. 580001234)")
                    }
                } else {
                    report(path.key("finess"), "an EHPAD needs its FINESS number")
                }
                if let beds = site.beds, beds <= 0 {
                    report(path.key("beds"), "beds must be positive, found \(beds)")
                }
            case .townPoint:
                break
            }
            if site.rooms < 1 {
                report(path.key("rooms"), "a site needs at least 1 room, found \(site.rooms)")
            }
            if let openings = site.openings {
                if openings.isEmpty { report(path.key("openings"), "the site is never open; add an opening") }
                for (index, opening) in openings.enumerated() {
                    checkInterval(start: opening.start, end: opening.end, at: path.key("openings")[index])
                }
            } else if site.openingHours.isEmpty {
                report(path.key("openingHours"), "the site is never open; add its weekly opening hours")
            }
            checkWeeklyWindows(site.openingHours, at: path.key("openingHours"))
            checkWeeklyWindows(site.nurseHours, at: path.key("nurseHours"))
            checkEmail(site.email, at: path.key("email"))
        }
    }

    mutating func checkSpecialists() {
        for (position, specialist) in scenario.specialists.enumerated() {
            let path = JSONPath("specialists")[position]
            checkText(specialist.name, at: path.key("name"))
            if !FrenchCodes.isRPPSNumber(specialist.rpps) {
                report(path.key("rpps"), "\"\(specialist.rpps)\" is not an RPPS number (11 digits)")
            }
            if specialist.specialties.isEmpty {
                report(path.key("specialties"), "a specialist needs at least one specialty")
            }
            if specialist.maxSessionsPerDay < 1 {
                report(path.key("maxSessionsPerDay"), "must be at least 1, found \(specialist.maxSessionsPerDay)")
            }
            checkWeeklyWindows(specialist.weeklyAvailability, at: path.key("weeklyAvailability"))
            for (index, exception) in specialist.exceptions.enumerated() {
                checkInterval(start: exception.start, end: exception.end, at: path.key("exceptions")[index])
            }
            checkEmail(specialist.email, at: path.key("email"))
        }
    }

    mutating func checkUnits() {
        for (position, unit) in scenario.units.enumerated() {
            let path = JSONPath("units")[position]
            checkText(unit.name, at: path.key("name"))
            checkText(unit.depot.name, at: path.key("depot").key("name"))
            checkCommuneCode(unit.depot.inseeCode, at: path.key("depot").key("inseeCode"))
            checkLocation(unit.depot.location, at: path.key("depot").key("location"))
            if unit.operatingDays.isEmpty {
                report(path.key("operatingDays"), "the unit never operates; list its operating days")
            } else if Set(unit.operatingDays).count != unit.operatingDays.count {
                report(path.key("operatingDays"), "a day is listed twice")
            }
            if unit.shift.end <= unit.shift.start {
                report(
                    path.key("shift").key("end"),
                    "shift ends at \(unit.shift.end), not after it starts at \(unit.shift.start)")
            }
            if let lunch = unit.lunchBreak { checkLunchBreak(lunch, shift: unit.shift, at: path.key("lunchBreak")) }
            if unit.setupMinutes < 0 {
                report(path.key("setupMinutes"), "cannot be negative, found \(unit.setupMinutes)")
            }
            if unit.maxDrivingMinutesPerDay <= 0 {
                report(path.key("maxDrivingMinutesPerDay"), "must be positive, found \(unit.maxDrivingMinutesPerDay)")
            }
            if let capacity = unit.capacityPerDay, capacity < 1 {
                report(path.key("capacityPerDay"), "must be at least 1 when given, found \(capacity)")
            }
            checkRecurringStops(unit, at: path.key("recurringStops"))
            checkEmail(unit.email, at: path.key("email"))
        }
    }

    private mutating func checkLunchBreak(_ lunch: LunchBreak, shift: TimeOfDayWindow, at path: JSONPath) {
        if lunch.minutes <= 0 {
            report(path.key("minutes"), "must be positive, found \(lunch.minutes)")
        } else if lunch.latestEnd.minutesSinceMidnight - lunch.earliestStart.minutesSinceMidnight < lunch.minutes {
            report(
                path,
                "a \(lunch.minutes)-minute break does not fit between \(lunch.earliestStart) and \(lunch.latestEnd)")
        }
        if lunch.earliestStart < shift.start || lunch.latestEnd > shift.end {
            report(path, "the break window \(lunch.earliestStart)–\(lunch.latestEnd) is outside the shift")
        }
    }
}
