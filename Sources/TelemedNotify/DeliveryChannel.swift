import TelemedStore

/// Where a delivery goes: a webhook endpoint or an e-mail relay. Two implementations, and a fake
/// in the worker's tests.
public protocol DeliveryChannel: Sendable {
    func send(_ delivery: Delivery) async throws(DeliveryFailure)
}

/// Why a delivery failed, and whether trying again may help.
public struct DeliveryFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// Refused for good (an SMTP 5xx, a webhook removed): no retry.
    public var isPermanent: Bool

    public init(_ message: String, isPermanent: Bool = false) {
        self.message = message
        self.isPermanent = isPermanent
    }

    public var description: String { message }
}
