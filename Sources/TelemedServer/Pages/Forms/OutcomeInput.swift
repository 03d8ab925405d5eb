import TelemedCore

/// The values of an outcome form (``OutcomeForms``): `outcome`, and `reason` or nothing. The
/// pages only send listed values, so anything else is a hand-made post, refused with a 400.
struct OutcomeInput {
    var outcome: SessionOutcome
    var reason: OutcomeReason?

    init(_ form: HTMLForm) throws {
        guard let outcome = SessionOutcome(rawValue: form["outcome"]) else {
            throw PageError.invalidForm("Issue de séance inconnue : rechargez la page et recommencez.")
        }
        self.outcome = outcome
        let reason = form["reason"]
        if reason.isEmpty {
            self.reason = nil
        } else {
            guard let known = OutcomeReason(rawValue: reason), known.outcome == outcome else {
                throw PageError.invalidForm("Motif inconnu pour cette issue : rechargez la page et recommencez.")
            }
            self.reason = known
        }
    }
}
