import Logging
import TelemedCore
import TelemedPages
import TelemedStore

/// An outcome button pressed on the staff, crew or specialist page: the same ``SessionOutcomes``
/// as the API, with its refusals told in French.
struct OutcomePosting: Sendable {
    let outcomes: SessionOutcomes

    func record(_ booking: Booking, _ input: OutcomeInput, role: AccessRole, logger: Logger) async throws {
        let result: BookingOutcome
        do {
            result = try await outcomes.record(booking, input.outcome, reason: input.reason, role: role, logger: logger)
        } catch is APIError {
            throw PageError.forbidden(
                "Votre code d’accès ne concerne pas cette séance : rien n’a été enregistré.")
        } catch StoreError.sessionNotStarted {
            throw PageError.conflict(
                "Cette séance n’a pas encore commencé : son issue s’enregistre à partir de son heure de début. "
                    + "Rien n’a été enregistré.")
        } catch StoreError.invalidTransition(_, let from, _) {
            throw PageError.conflict(
                "Cette séance est \(FrenchVocabulary.status(from)) : elle n’a pas d’issue à enregistrer. "
                    + "Rien n’a été enregistré.")
        } catch StoreError.versionMismatch {
            throw PageError.conflict("Cette séance vient d’être modifiée : rechargez la page et recommencez.")
        }
        if result.conflict != nil {
            throw PageError.conflict(
                "Cette demande a déjà été reprogrammée après la séance non tenue : celle-ci ne peut plus être "
                    + "marquée comme tenue. Rien n’a été enregistré.")
        }
    }
}
