import Logging
import NIOCore
import NIOPosix
import NIOSSL

/// Sends notification e-mails through an SMTP relay, one connection per message.
///
/// ```swift
/// let client = SMTPClient(configuration: relay, logger: logger)
/// do {
///     try await client.send(message)
/// } catch where error.isPermanent {
///     // dead-letter: this message will never be accepted as it is
/// } catch {
///     // retry later
/// }
/// ```
public struct SMTPClient: Sendable {
    public let configuration: SMTPConfiguration
    private let eventLoopGroup: any EventLoopGroup
    private let logger: Logger

    public init(
        configuration: SMTPConfiguration, eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        self.configuration = configuration
        self.eventLoopGroup = eventLoopGroup
        self.logger = logger
    }

    /// Returns once the relay has accepted the message for every recipient. A refusal of any
    /// recipient fails the whole send, so a retry never delivers twice to the others.
    public func send(_ message: MailMessage) async throws(SMTPError) {
        try configuration.validate()
        let content: String
        do {
            content = try message.rendered()
        } catch {
            throw .invalidMessage(error)
        }
        let tlsContext = configuration.tls == .none ? nil : try SMTPTLS.context(trusting: configuration.trustRoots)
        var logger = self.logger
        logger[metadataKey: "smtp.server"] = "\(configuration.host):\(configuration.port)"
        logger[metadataKey: "smtp.sender-domain"] = "\(message.from.domain)"
        logger[metadataKey: "smtp.recipient-domains"] =
            "\(Set(message.to.map(\.domain)).sorted().joined(separator: ","))"
        let (channel, conversation) = try await connect(tlsContext: tlsContext)
        logger.debug("smtp connected")
        do {
            try await channel.executeThenClose { inbound, outbound in
                var session = SMTPSession(
                    configuration: configuration, channel: channel.channel, conversation: conversation,
                    replies: inbound.makeAsyncIterator(), outbound: outbound, tlsContext: tlsContext, logger: logger)
                do {
                    try await session.deliver(from: message.from, to: message.to, content: content)
                } catch {
                    await session.abandon()
                    throw error
                }
            }
        } catch let error as SMTPError {
            logger.debug("smtp send failed", metadata: ["smtp.stage": "\(error.stage?.rawValue ?? "-")"])
            throw error
        } catch {
            // The session throws SMTPError only; anything else comes from closing the channel.
            throw .connectionLost(.quit, reason: "\(error)")
        }
        logger.debug("smtp message accepted")
    }

    /// The channel, and its conversation handler for the STARTTLS check.
    private func connect(tlsContext: NIOSSLContext?) async throws(SMTPError) -> (
        NIOAsyncChannel<SMTPReply, SMTPCommand>, NIOLoopBound<SMTPConversationHandler>
    ) {
        let configuration = self.configuration
        let bootstrap = ClientBootstrap(group: eventLoopGroup)
            .connectTimeout(TimeAmount(configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
        do {
            return try await bootstrap.connect(host: configuration.host, port: configuration.port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let pipeline = channel.pipeline.syncOperations
                    if configuration.tls == .tls, let tlsContext {
                        try pipeline.addHandler(SMTPTLS.handler(context: tlsContext, host: configuration.host))
                    }
                    let conversation = SMTPConversationHandler(replyTimeout: TimeAmount(configuration.commandTimeout))
                    try pipeline.addHandler(conversation)
                    return (
                        try NIOAsyncChannel<SMTPReply, SMTPCommand>(wrappingChannelSynchronously: channel),
                        NIOLoopBound(conversation, eventLoop: channel.eventLoop)
                    )
                }
            }
        } catch ChannelError.connectTimeout {
            throw .timedOut(.connect, after: configuration.connectTimeout)
        } catch {
            throw .connectionFailed(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
    }
}
