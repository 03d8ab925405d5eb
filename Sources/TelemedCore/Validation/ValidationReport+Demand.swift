/// Checks of the demand: requests and the bookings already made.
extension ValidationReport {
    /// Longest consultation the product plans for; longer ones are a data error.
    static let maxDurationMinutes = 480

    mutating func checkRequests() {
        let practised = Set(scenario.specialists.flatMap(\.specialties))
        let provided = Set(scenario.sites.flatMap(\.equipment) + scenario.units.flatMap(\.equipment))
        for (position, request) in scenario.requests.enumerated() {
            checkRequest(request, at: JSONPath("requests")[position], practised: practised, provided: provided)
        }
        checkSeriesOccurrences()
    }

    /// One request against the scenario's resources; `path` is where the request sits.
    mutating func checkRequest(
        _ request: ConsultationRequest, at path: JSONPath, practised: Set<Specialty>, provided: Set<Equipment>
    ) {
        if ids.sites[request.siteId] == nil {
            report(path.key("siteId"), "unknown site \"\(request.siteId)\"")
        }
        checkText(request.patientRef, at: path.key("patientRef"), maxLength: 64)
        if request.durationMinutes <= 0 {
            report(path.key("durationMinutes"), "duration must be positive, found \(request.durationMinutes)")
        } else if request.durationMinutes > Self.maxDurationMinutes {
            report(
                path.key("durationMinutes"),
                "\(request.durationMinutes) minutes is longer than a working day (max \(Self.maxDurationMinutes))")
        }
        if request.mode == .crew {
            if scenario.units.isEmpty {
                report(path.key("mode"), "a crew request needs an itinerant unit, and the scenario has none")
            }
            if request.preferredSpecialistId != nil {
                report(path.key("preferredSpecialistId"), "a crew request involves no specialist")
            }
        } else if !practised.contains(request.specialty) {
            report(path.key("specialty"), "no specialist practises \"\(request.specialty)\"")
        }
        if let load = request.load, load < 0 {
            report(path.key("load"), "load cannot be negative, found \(load)")
        }
        for (index, item) in request.requiredEquipment.enumerated() where !provided.contains(item) {
            report(path.key("requiredEquipment")[index], "no site or unit has \"\(item)\"")
        }
        if request.releaseDate > scenario.horizon.end {
            checkInsideHorizon(request.releaseDate, at: path.key("releaseDate"), what: "release date")
        }
        // A later occurrence of a series may fall after the horizon: it waits for the window to reach it.
        if let earliest = request.earliestDate, !(earliest > scenario.horizon.end && (request.series?.index ?? 1) > 1) {
            checkInsideHorizon(earliest, at: path.key("earliestDate"), what: "earliest date")
        }
        if let latest = request.latestDate, latest < request.firstPossibleDate {
            report(
                path.key("latestDate"),
                "latest date \(latest) is before the first possible date \(request.firstPossibleDate)")
        }
        if let campaign = request.campaignId, !scenario.campaigns.contains(where: { $0.id == campaign }) {
            report(path.key("campaignId"), "unknown campaign \"\(campaign)\"")
        }
        if let series = request.series { checkSeries(series, at: path.key("series")) }
        if let preferred = request.preferredSpecialistId {
            if let index = ids.specialists[preferred] {
                if !scenario.specialists[index].specialties.contains(request.specialty) {
                    report(
                        path.key("preferredSpecialistId"),
                        "specialist \"\(preferred)\" does not practise \"\(request.specialty)\"")
                }
            } else {
                report(path.key("preferredSpecialistId"), "unknown specialist \"\(preferred)\"")
            }
        }
    }

    mutating func checkBookings() {
        var activeBookingOfRequest: [ConsultationRequest.ID: Int] = [:]
        for (position, booking) in scenario.bookings.enumerated() {
            let path = JSONPath("bookings")[position]
            if let index = ids.requests[booking.requestId] {
                let request = scenario.requests[index]
                if request.siteId != booking.siteId {
                    report(path.key("siteId"), "the request \"\(request.id)\" is for site \"\(request.siteId)\"")
                }
                if booking.status.occupiesResources {
                    if let other = activeBookingOfRequest[booking.requestId] {
                        report(
                            path.key("requestId"),
                            "request \"\(booking.requestId)\" is already booked at bookings[\(other)]")
                    } else {
                        activeBookingOfRequest[booking.requestId] = position
                    }
                }
            } else {
                report(path.key("requestId"), "unknown request \"\(booking.requestId)\"")
            }
            checkBookingSpecialist(booking, at: path)
            if ids.sites[booking.siteId] == nil {
                report(path.key("siteId"), "unknown site \"\(booking.siteId)\"")
            }
            if let unit = booking.host.unitId, ids.units[unit] == nil {
                report(path.key("host").key("unitId"), "unknown unit \"\(unit)\"")
            }
            if booking.version < 1 {
                report(path.key("version"), "version starts at 1, found \(booking.version)")
            }
            if let room = booking.room, let site = ids.sites[booking.siteId].map({ scenario.sites[$0] }),
                !(1...max(1, site.rooms)).contains(room)
            {
                report(path.key("room"), "site \"\(site.id)\" has rooms 1…\(site.rooms), found \(room)")
            }
            checkInterval(start: booking.start, end: booking.end, at: path)
            checkInsideHorizon(clock.localDate(of: booking.start), at: path.key("start"), what: "start date")
            if let review = booking.review {
                checkInterval(start: review.start, end: review.end, at: path.key("review"))
            }
        }
    }

    /// A booking names a specialist who practises the request's specialty, except a crew
    /// booking, which names none and is hosted by a unit.
    private mutating func checkBookingSpecialist(_ booking: Booking, at path: JSONPath) {
        let request = ids.requests[booking.requestId].map { scenario.requests[$0] }
        if request?.mode == .crew {
            if let specialist = booking.specialistId {
                report(path.key("specialistId"), "a crew request involves no specialist, found \"\(specialist)\"")
            }
            if booking.host.unitId == nil {
                report(path.key("host"), "a crew request is hosted by an itinerant unit")
            }
            return
        }
        guard let specialist = booking.specialistId else {
            report(path.key("specialistId"), "missing: a \(request?.mode.rawValue ?? "") booking needs its specialist")
            return
        }
        if let index = ids.specialists[specialist] {
            if let request, !scenario.specialists[index].specialties.contains(request.specialty) {
                report(
                    path.key("specialistId"), "specialist \"\(specialist)\" does not practise \"\(request.specialty)\"")
            }
        } else {
            report(path.key("specialistId"), "unknown specialist \"\(specialist)\"")
        }
    }
}
