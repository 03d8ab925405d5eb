import Foundation
import TelemedCore

extension FeedSource {
    /// The sessions held at a site: one event per booking there, with the room (or the unit
    /// hosting it), whether an accompanying nurse is needed, the required equipment and who
    /// brings each piece.
    public func siteCalendar(for site: Site) throws(CalendarError) -> FeedCalendar {
        var calendar = FeedCalendar(
            name: "Consultations · \(site.name)",
            description: "Consultations à \(site.name) (\(site.commune)) ; références patients pseudonymes.")
        for booking in shownBookings where booking.siteId == site.id {
            let request = request(booking.requestId)
            let hostUnit = booking.host.unitId.map { unit($0) }
            let lines = [
                "Patient : \(request.patientRef)",
                "Spécialité : \(FrenchVocabulary.specialty(request.specialty)) (\(FrenchVocabulary.mode(request.mode)))",
                "Intervenant : \(FrenchVocabulary.practitioner(booking.specialistId.map { specialist($0) }))",
                "Lieu : \(place(of: booking, hostUnit: hostUnit))",
                "Infirmier·e accompagnant·e : \(nurseNeed(request, hostUnit: hostUnit))",
                "Équipement : \(equipmentLine(request, site: site, hostUnit: hostUnit))",
            ]
            try calendar.addEvent(
                bookingEvent(
                    booking, in: .site, during: booking.interval,
                    summary: "\(FrenchVocabulary.specialty(request.specialty)) · \(request.patientRef)", lines: lines,
                    at: site, geo: site.location))
        }
        return calendar
    }

    private func place(of booking: Booking, hostUnit: MobileUnit?) -> String {
        if let hostUnit { return "à bord ou avec les appareils de l'unité \(hostUnit.name)" }
        return booking.room.map { "salle \($0)" } ?? "salle non attribuée"
    }

    private func nurseNeed(_ request: ConsultationRequest, hostUnit: MobileUnit?) -> String {
        guard request.mode == .live else { return "non requis·e" }
        return hostUnit.map { "assuré·e par l'équipage de \($0.name)" } ?? "requis·e"
    }

    private func equipmentLine(_ request: ConsultationRequest, site: Site, hostUnit: MobileUnit?) -> String {
        guard !request.requiredEquipment.isEmpty else { return "aucun" }
        return request.requiredEquipment.map { item in
            let label = FrenchVocabulary.equipment(item)
            if site.equipment.contains(item) { return "\(label) (sur place)" }
            if let hostUnit, hostUnit.equipment.contains(item) { return "\(label) (apporté par \(hostUnit.name))" }
            return "\(label) (non disponible)"
        }.joined(separator: ", ")
    }
}
