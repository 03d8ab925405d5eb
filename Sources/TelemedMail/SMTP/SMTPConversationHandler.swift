import NIOCore

/// Sits between the bytes and the client: turns bytes into replies, holds the conversation to
/// lock-step (one reply per command, none unasked), and fails the channel when a reply takes longer
/// than the command timeout. Below it, a TLS handler may be added at any point (STARTTLS).
final class SMTPConversationHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = SMTPReply
    typealias OutboundIn = SMTPCommand
    typealias OutboundOut = ByteBuffer

    private let replyTimeout: TimeAmount
    private var parser = SMTPReplyParser()
    /// The greeting is owed before any command.
    private var awaitedReplies = 1
    private var timer: Scheduled<Void>?
    /// Set once; the channel is closing.
    private var failure: (any Error)?

    init(replyTimeout: TimeAmount) {
        self.replyTimeout = replyTimeout
    }

    func channelActive(context: ChannelHandlerContext) {
        startTimer(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard failure == nil else { return }
        parser.append(unwrapInboundIn(data).readableBytesView)
        do {
            while let reply = try parser.nextReply() {
                guard awaitedReplies > 0 else { throw SMTPProtocolViolation("a reply no command asked for") }
                awaitedReplies -= 1
                timer?.cancel()
                timer = nil
                if awaitedReplies > 0 { startTimer(context: context) }
                context.fireChannelRead(wrapInboundOut(reply))
            }
        } catch {
            fail(context: context, error)
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let command = unwrapOutboundIn(data)
        awaitedReplies += 1
        if timer == nil { startTimer(context: context) }
        context.write(wrapOutboundOut(context.channel.allocator.buffer(bytes: command.bytes)), promise: promise)
    }

    /// Called on the event loop just before a TLS handler goes under this one: a byte received in
    /// clear after the reply to STARTTLS could be an attacker's, and would be read as if it came
    /// through TLS (the command-injection flaw of RFC 3207 implementations, CVE-2011-0411 and kin).
    func prepareForTLS() throws {
        if let failure { throw failure }
        guard awaitedReplies == 0, !parser.hasBufferedBytes else {
            throw SMTPProtocolViolation("data received in clear after the server agreed to STARTTLS")
        }
    }

    private func startTimer(context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: replyTimeout) { [weak self] in
            self?.fail(context: context, SMTPReplyTimeout())
        }
    }

    private func fail(context: ChannelHandlerContext, _ error: any Error) {
        guard failure == nil else { return }
        failure = error
        timer?.cancel()
        context.fireErrorCaught(error)
        context.close(promise: nil)
    }
}

/// No reply came within the command timeout.
struct SMTPReplyTimeout: Error {}
