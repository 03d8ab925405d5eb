import Foundation
import TelemedStore

/// Proposals for a request, ready to store and to send; made by ``ProposalOffers``.
struct ProposalOffer {
    var stored: [StoredProposal]
    var response: ProposalsResponse
}
