extension Dyadic: CustomStringConvertible {
    /// The canonical rational form: `-12` or `3/8`.
    public var description: String {
        _exponent == 0 ? _mantissa.description : "\(_mantissa)/\(BigInt.powerOfTwo(_exponent))"
    }
}

extension Dyadic {
    /// Parses the canonical rational form and requires a power-of-two denominator.
    ///
    /// - Throws: every error of ``Rational/init(parsing:digitLimit:)``, and
    ///   ``NumberSyntaxError/Reason/notDyadic`` (at the denominator) for `1/3`.
    public init(parsing text: some StringProtocol, digitLimit: Int = BigInt.defaultDigitLimit) throws(NumberSyntaxError) {
        let value = try Rational(parsing: text, digitLimit: digitLimit)
        guard value.denominator.isPowerOfTwo else {
            let slash = text.firstIndex(of: "/").map { text.distance(from: text.startIndex, to: $0) + 2 } ?? 1
            throw NumberSyntaxError(.notDyadic, position: slash, in: text)
        }
        self.init(uncheckedMantissa: value.numerator, exponent: value.denominator.trailingZeroBitCount)
    }
}

extension Dyadic: CanonicalText {}
