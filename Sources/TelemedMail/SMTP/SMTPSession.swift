import Foundation
import Logging
import NIOCore
import NIOSSL

/// One conversation on one connection, from the greeting to QUIT (RFC 5321 §3, RFC 3207 for
/// STARTTLS, RFC 4954 for AUTH). Logs stages and reply codes at debug level, never the server's
/// text, the commands or the content: they hold addresses, credentials and health information.
struct SMTPSession {
    let configuration: SMTPConfiguration
    let channel: any Channel
    /// To check, on the event loop, that nothing arrived in clear before TLS goes under it.
    let conversation: NIOLoopBound<SMTPConversationHandler>
    var replies: NIOAsyncChannelInboundStream<SMTPReply>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<SMTPCommand>
    let tlsContext: NIOSSLContext?
    let logger: Logger

    /// Hands the message to the server; returns once the server has accepted it (250 after the
    /// content). Whatever happens after that (QUIT) is not a failure: the message was delivered.
    mutating func deliver(from sender: MailAddress, to recipients: [MailAddress], content: String)
        async throws(SMTPError)
    {
        try await expect(.greeting, 220)
        var capabilities = try await hello()
        if configuration.tls == .startTLS {
            guard capabilities.offersStartTLS else { throw .startTLSNotOffered(host: configuration.host) }
            try await exchange(.line("STARTTLS"), .startTLS, expecting: 220)
            try await startTLS()
            // RFC 3207 §4.2: forget all the server said in clear and ask again.
            do {
                capabilities = try await hello()
            } catch SMTPError.tlsFailed(_, let reason) {
                // The handshake runs while EHLO waits: its failure belongs to STARTTLS.
                throw .tlsFailed(.startTLS, reason: reason)
            }
        }
        if let credentials = configuration.credentials {
            try await authenticate(credentials, offered: capabilities.authenticationMechanisms)
        }
        try await exchange(.line("MAIL FROM:<\(sender.address)>"), .mailFrom, expecting: 250)
        for recipient in recipients {
            try await exchange(.line("RCPT TO:<\(recipient.address)>"), .recipient, expecting: 250, 251)
        }
        try await exchange(.line("DATA"), .data, expecting: 354)
        try await exchange(.content(content), .messageContent, expecting: 250)
        do {
            try await exchange(.line("QUIT"), .quit, expecting: 221)
        } catch {
            logger.debug(
                "smtp quit failed after the message was accepted", metadata: ["smtp.code": "\(error.reply?.code ?? 0)"])
        }
    }

    /// After a failure: tell the server goodbye without waiting for its answer.
    func abandon() async {
        try? await outbound.write(.line("QUIT"))
    }

    /// EHLO, or HELO for a server that does not know EHLO (then nothing is offered).
    private mutating func hello() async throws(SMTPError) -> SMTPCapabilities {
        let reply = try await send(.line("EHLO \(configuration.heloName)"), .hello)
        if reply.code == 250 { return SMTPCapabilities(ehloReply: reply) }
        guard [500, 501, 502, 504, 550].contains(reply.code) else { throw .rejected(.hello, reply) }
        try await exchange(.line("HELO \(configuration.heloName)"), .hello, expecting: 250)
        return .none
    }

    /// AUTH PLAIN with its initial response (RFC 4616), else AUTH LOGIN: what relays offer.
    private mutating func authenticate(_ credentials: (username: String, password: String), offered: [String])
        async throws(SMTPError)
    {
        if offered.contains("PLAIN") {
            let token = Self.base64("\0\(credentials.username)\0\(credentials.password)")
            try await exchange(.line("AUTH PLAIN \(token)"), .authentication, expecting: 235)
        } else if offered.contains("LOGIN") {
            try await exchange(.line("AUTH LOGIN"), .authentication, expecting: 334)
            try await exchange(.line(Self.base64(credentials.username)), .authentication, expecting: 334)
            try await exchange(.line(Self.base64(credentials.password)), .authentication, expecting: 235)
        } else {
            throw .authenticationNotOffered(offered: offered)
        }
    }

    /// Puts TLS under the conversation, on the event loop so no byte slips between the check that
    /// nothing arrived in clear and the handler's arrival.
    private func startTLS() async throws(SMTPError) {
        guard let tlsContext else { preconditionFailure("STARTTLS without a TLS context") }
        let channel = self.channel
        let conversation = self.conversation
        let host = configuration.host
        do {
            try await channel.eventLoop.submit {
                try conversation.value.prepareForTLS()
                try channel.pipeline.syncOperations.addHandler(
                    SMTPTLS.handler(context: tlsContext, host: host), position: .first)
            }.get()
        } catch {
            throw classify(error, .startTLS)
        }
        logger.debug("smtp starttls handshake started")
    }

    @discardableResult
    private mutating func exchange(_ command: SMTPCommand, _ stage: SMTPStage, expecting codes: Int...)
        async throws(SMTPError) -> SMTPReply
    {
        let reply = try await send(command, stage)
        guard codes.contains(reply.code) else { throw .rejected(stage, reply) }
        return reply
    }

    private mutating func expect(_ stage: SMTPStage, _ code: Int) async throws(SMTPError) {
        let reply = try await receive(stage)
        guard reply.code == code else { throw .rejected(stage, reply) }
    }

    private mutating func send(_ command: SMTPCommand, _ stage: SMTPStage) async throws(SMTPError) -> SMTPReply {
        do {
            try await outbound.write(command)
        } catch {
            // The channel closed under the write; why (a TLS alert, a timeout…) waits in the
            // inbound stream, and so may a last reply (421 on shutdown).
            let last = try await receive(stage)
            if last.isTransientFailure || last.isPermanentFailure { throw .rejected(stage, last) }
            throw classify(error, stage)
        }
        return try await receive(stage)
    }

    private mutating func receive(_ stage: SMTPStage) async throws(SMTPError) -> SMTPReply {
        let reply: SMTPReply?
        do {
            reply = try await replies.next()
        } catch {
            throw classify(error, stage)
        }
        guard let reply else { throw .connectionLost(stage, reason: "the server closed the connection") }
        logger.debug("smtp reply", metadata: ["smtp.stage": "\(stage.rawValue)", "smtp.code": "\(reply.code)"])
        return reply
    }

    private func classify(_ error: any Error, _ stage: SMTPStage) -> SMTPError {
        switch error {
        case let error as SMTPError: error
        case is SMTPReplyTimeout: .timedOut(stage, after: configuration.commandTimeout)
        case let violation as SMTPProtocolViolation: .protocolViolation(stage, violation.description)
        case _ where SMTPTLS.isTLSError(error): .tlsFailed(stage, reason: "\(error)")
        default: .connectionLost(stage, reason: "\(error)")
        }
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
