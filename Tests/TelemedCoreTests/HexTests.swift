import Testing

@testable import TelemedCore

@Suite("Hexadecimal digests")
struct HexTests {
    @Test("bytes are written as two lowercase digits each, leading zeros kept")
    func lowercaseHex() {
        #expect([UInt8]().lowercaseHex == "")
        #expect([0x00, 0x0f, 0xa0, 0xff].lowercaseHex == "000fa0ff")
    }
}
