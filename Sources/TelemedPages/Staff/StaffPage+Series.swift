import TelemedCore

/// Care series on the staff page: the rhythm above the proposals for a series' first session, the
/// days the later sessions would take under each proposal, and the site's series, one table each.
extension StaffPage {
    /// « Série de 3 séances — tous les 4 à 7 jours. Ces créneaux sont pour la séance 1 ; … ».
    func proposalSeriesText() -> String? {
        model.proposalSeries.map { spacing in
            SeriesWording.heading(
                count: spacing.count, minGapDays: spacing.minGapDays, maxGapDays: spacing.maxGapDays)
                + ". Ces créneaux sont pour la séance 1 ; chaque séance suivante se place selon l’écart prévu depuis"
                + " la précédente."
        }
    }

    /// « Si vous confirmez ce créneau : séance 2 entre le 26/03 et le 29/03 ; séance 3 … ».
    static func followingText(_ following: [StaffPageModel.SessionDays]) -> String? {
        guard !following.isEmpty else { return nil }
        return "Si vous confirmez ce créneau : "
            + following.map { "séance \($0.index) \(SeriesWording.days($0.earliest, $0.latest))" }
            .joined(separator: " ; ") + "."
    }

    func seriesTables() -> [StaffPageContext.SeriesTable] {
        model.series.map { group in
            let spacing = group.spacing
            return StaffPageContext.SeriesTable(
                caption: "\(group.residentReference) · \(FrenchVocabulary.specialty(group.specialty)) — "
                    + SeriesWording.heading(
                        count: spacing.count, minGapDays: spacing.minGapDays, maxGapDays: spacing.maxGapDays),
                rows: group.sessions.enumerated().map { Self.seriesRow($1, isFirst: $0 == 0) })
        }
    }

    /// `isFirst`: the series' first session listed, which follows no other one here.
    private static func seriesRow(
        _ session: StaffPageModel.CareSeriesGroup.Session, isFirst: Bool
    ) -> StaffPageContext.SeriesRow {
        guard let booked = session.booked else {
            let when =
                session.days.map { "à placer \(SeriesWording.days($0.earliest, $0.latest))" }
                ?? (isFirst ? "—" : "après la séance \(session.index - 1)")
            return StaffPageContext.SeriesRow(
                session: "Séance \(session.index)", when: when, practitioner: "—", status: "à planifier")
        }
        return StaffPageContext.SeriesRow(
            session: "Séance \(session.index)",
            when: "\(FrenchVocabulary.date(booked.date)), \(FrenchVocabulary.time(booked.start))",
            practitioner: booked.practitioner,
            status: OutcomeForms.status(booked.status, reason: booked.outcomeReason))
    }
}
