import Foundation
import TelemedCore

extension FeedSource {
    /// A specialist's sessions: one event per booking they take part in, over the time they are
    /// busy (the consultation for `live`, the review for `async`), with the site, the mode, the
    /// pseudonymous patient reference and, for `live`, their video link as URL.
    public func specialistCalendar(for specialist: Specialist) throws(CalendarError) -> FeedCalendar {
        var calendar = FeedCalendar(
            name: "Séances · \(specialist.name)",
            description: "Téléconsultations et télé-expertises de \(specialist.name) (références patients pseudonymes)."
        )
        for booking in shownBookings where booking.specialistId == specialist.id {
            let request = request(booking.requestId)
            let site = site(booking.siteId)
            var lines = [
                "Lieu : \(site.name) (\(site.commune))",
                "Mode : \(FrenchVocabulary.mode(request.mode))",
                "Patient : \(request.patientRef)",
                "Durée : \(request.durationMinutes) min",
            ]
            if request.mode == .async {
                lines.append(
                    "Données recueillies le \(FrenchVocabulary.numericDate(FeedText.clock.localDate(of: booking.start))) "
                        + "\(FeedText.span(booking.start, booking.end))")
            }
            let url = request.mode == .live ? specialist.videoLink : nil
            if let url { lines.append("Lien vidéo : \(url)") }
            let mode = FrenchVocabulary.mode(request.mode)
            let label = mode.prefix(1).uppercased() + mode.dropFirst()
            try calendar.addEvent(
                bookingEvent(
                    booking, in: .specialist, during: booking.specialistInterval,
                    summary: "\(label) · \(FrenchVocabulary.specialty(request.specialty)) · \(request.patientRef)",
                    lines: lines, at: site, url: url))
        }
        return calendar
    }
}
