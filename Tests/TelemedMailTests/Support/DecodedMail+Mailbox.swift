import TelemedMail
import TelemedTestSupport

extension DecodedMail.Mailbox {
    /// As a reader shows the mailbox: no display name reads as "".
    init(_ mailbox: MailAddress) {
        self.init(name: mailbox.displayName ?? "", address: mailbox.address)
    }
}
