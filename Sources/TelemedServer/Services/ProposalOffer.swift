import Foundation
import TelemedStore

/// Proposals for a request, ready to store and to send; made by ``ProposalOffers``.
struct ProposalOffer {
    var stored: [StoredProposal]
    var response: ProposalsResponse
}

extension Duration {
    /// Whole and fractional seconds, for `Date` arithmetic.
    var timeInterval: TimeInterval {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
