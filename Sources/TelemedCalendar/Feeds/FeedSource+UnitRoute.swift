import Foundation
import TelemedCore

extension FeedSource {
    /// A unit's route: one event per stop in route order ("Arrêt 2/5 · lieu (commune)"), from
    /// arrival to departure, with the address, GEO, the consultations held there and the drive from
    /// the previous stop; with ``FeedOptions/includeTravelLegs``, one more event per drive.
    public func unitRouteCalendar(for unit: MobileUnit) throws(CalendarError) -> FeedCalendar {
        var calendar = FeedCalendar(
            name: "Tournée · \(unit.name)",
            description: """
                Tournée de \(unit.name), figée la veille à \(unit.routeCutoff). La page équipage et \
                /api/v1/units/\(unit.id.rawValue)/route?date=AAAA-MM-JJ font foi : un calendrier abonné \
                peut avoir plusieurs heures de retard.
                """)
        let hosted = shownBookings.filter { $0.host.unitId == unit.id }
        let days = Dictionary(grouping: plan.visits.filter { $0.unitId == unit.id }, by: \.date)
        for date in days.keys.sorted() {
            let stops = days[date]!.sorted { $0.order < $1.order }
            let unitDay = plan.unitDays.first { $0.unitId == unit.id && $0.date == date }
            for event in try dayEvents(stops, unit: unit, unitDay: unitDay, hosted: hosted) {
                try calendar.addEvent(event)
            }
        }
        return calendar
    }

    private func dayEvents(
        _ stops: [Visit], unit: MobileUnit, unitDay: UnitDay?, hosted: [Booking]
    ) throws(CalendarError) -> [FeedEvent] {
        var events: [FeedEvent] = []
        var occurrences: [Site.ID: Int] = [:]
        var previous = (point: depotPoint(unit), name: "dépôt (\(unit.depot.name))", departure: unitDay?.leavesDepot)
        for (position, visit) in stops.enumerated() {
            let site = site(visit.siteId)
            occurrences[site.id, default: 0] += 1
            let uid = FeedUID.stop(visit, occurrence: occurrences[site.id]!)
            let leg = try travelLeg(from: previous.point, to: sitePoint(site))
            let held = hosted.filter {
                $0.siteId == visit.siteId && visit.arrival <= $0.start && $0.start < visit.departure
            }
            let stamp = held.map { change(of: $0).lastModified }.max() ?? publishedAt
            let description = stopDescription(
                visit, position: position + 1, count: stops.count, held: held, leg: leg, from: previous.name)
            let campaigns = campaigns(screenedIn: held)
            let summary =
                "Arrêt \(position + 1)/\(stops.count) · "
                + campaigns.map { "Campagne « \($0.name) » · " }.joined() + "\(site.name) (\(site.commune))"
            let status = stopStatus(visit, held: held)
            events.append(
                FeedEvent(
                    uid: uid, summary: summary, description: description, location: FeedText.location(of: site),
                    start: visit.arrival, end: visit.departure, stamp: stamp, sequence: held.map(\.version).max() ?? 0,
                    status: status, geo: site.location, alarm: options.alarm(.unit, status: status, summary: summary),
                    categories: campaigns.isEmpty
                        ? []
                        : ["Campagne"]
                            + Set(campaigns.map { FrenchVocabulary.campaignKind($0.kind) }).sorted()))
            if options.includeTravelLegs {
                let start = previous.departure ?? visit.arrival.addingTimeInterval(-leg.minutes * 60)
                events.append(
                    FeedEvent(
                        uid: FeedUID.leg(into: uid), summary: "Trajet · \(previous.name) → \(site.name)",
                        description: FeedText.leg(leg), start: min(start, visit.arrival), end: visit.arrival,
                        stamp: stamp, status: .confirmed))
            }
            previous = (sitePoint(site), site.name, visit.departure)
        }
        if options.includeTravelLegs, let unitDay, let last = stops.last {
            let leg = try travelLeg(from: previous.point, to: depotPoint(unit))
            events.append(
                FeedEvent(
                    uid: FeedUID.returnLeg(unit: unit.id, date: unitDay.date),
                    summary: "Trajet · \(previous.name) → dépôt (\(unit.depot.name))", description: FeedText.leg(leg),
                    start: last.departure, end: max(last.departure, unitDay.returnsDepot), stamp: publishedAt,
                    status: .confirmed))
        }
        return events
    }

    private func stopDescription(
        _ visit: Visit, position: Int, count: Int, held: [Booking], leg: TravelLeg, from origin: String
    ) -> String {
        var lines = [
            "Arrêt \(position) sur \(count) le \(FrenchVocabulary.numericDate(visit.date)) : arrivée \(FeedText.time(visit.arrival)), "
                + "départ \(FeedText.time(visit.departure))",
            "Trajet depuis \(origin) : \(FeedText.leg(leg))",
        ]
        if visit.pinned { lines.append("Arrêt récurrent fixé par le planificateur") }
        let active = held.filter { $0.status.occupiesResources }
        for campaign in campaigns(screenedIn: held) {
            let patients = active.filter { request($0.requestId).campaignId == campaign.id }.count
            lines.append(
                "Campagne « \(campaign.name) » (\(FrenchVocabulary.campaignKind(campaign.kind).lowercased())) : "
                    + "\(patients) patient\(patients > 1 ? "s" : "") à cet arrêt")
        }
        lines.append(active.isEmpty ? "Aucune consultation réservée" : "Consultations :")
        for booking in active {
            let request = request(booking.requestId)
            let who = FrenchVocabulary.practitioner(booking.specialistId.map { specialist($0) })
            let proposed = booking.status == .proposed ? " (proposée)" : ""
            lines.append(
                "\(FeedText.span(booking.start, booking.end)) · \(FrenchVocabulary.specialty(request.specialty)) · "
                    + "\(who) · patient \(request.patientRef)\(proposed)")
        }
        return lines.joined(separator: "\n")
    }

    /// The campaigns whose patients the stop sees, in the scenario's order: the stop is theirs.
    private func campaigns(screenedIn held: [Booking]) -> [Campaign] {
        let ids = Set(held.filter(\.status.occupiesResources).compactMap { request($0.requestId).campaignId })
        return scenario.campaigns.filter { ids.contains($0.id) }
    }

    private func stopStatus(_ visit: Visit, held: [Booking]) -> FeedEventStatus {
        visit.pinned || held.contains { $0.status.isPinned } ? .confirmed : .tentative
    }

    private func depotPoint(_ unit: MobileUnit) -> TravelPoint {
        TravelPoint(id: "depot:\(unit.id.rawValue)", location: unit.depot.location)
    }

    private func sitePoint(_ site: Site) -> TravelPoint {
        TravelPoint(id: site.id.rawValue, location: site.location)
    }

    private func travelLeg(from origin: TravelPoint, to destination: TravelPoint) throws(CalendarError) -> TravelLeg {
        do {
            return try travel.leg(from: origin, to: destination)
        } catch {
            throw .travelUnavailable("\(origin.id) → \(destination.id): \(error.message)")
        }
    }
}
