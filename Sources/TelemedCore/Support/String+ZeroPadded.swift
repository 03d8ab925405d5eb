extension String {
    /// `number` in decimal, zeros in front up to `width` digits and never cut: ids keep their
    /// shape (`S-007`) in a region and stay distinct past it (`S-1042` in a whole country).
    public init(zeroPadded number: Int, width: Int) {
        let digits = String(number)
        let zeros = Swift.max(0, width - digits.count)
        self = String(repeating: "0", count: zeros) + digits
    }
}
