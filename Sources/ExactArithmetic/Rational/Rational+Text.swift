// The canonical text form `-12` / `3/8` and its strict parsing.

extension Rational {
    /// Parses the canonical form: an integer (`-12`) or a fraction in lowest terms with
    /// a denominator of at least 2 (`3/8`, `-1/2`).
    ///
    /// Everything else is rejected with the position of the problem: `2/4` (not in
    /// lowest terms), `3/1`, `0/5`, `1/0`, `0.5`, `+1`, `-0`, `007`, `1/-2`, spaces,
    /// the empty string, and numerals with more than `digitLimit` digits in all
    /// (counted before any conversion).
    public init(parsing text: some StringProtocol, digitLimit: Int = BigInt.defaultDigitLimit) throws(NumberSyntaxError) {
        var scanner = NumeralScanner(text, digitLimit: digitLimit)
        let numerator = try scanner.scanSignedInteger()
        if scanner.atEnd {
            self.init(numerator)
            return
        }
        guard scanner.peek == UInt8(ascii: "/") else { throw scanner.unexpected() }
        let slashPosition = scanner.position
        scanner.advance()
        let denominatorPosition = scanner.position
        let denominator = try scanner.scanDigits() // a sign here is an unexpected character
        if !scanner.atEnd { throw scanner.unexpected() }
        if denominator.isZero { throw scanner.error(.zeroDenominator, at: denominatorPosition) }
        if denominator == 1 { throw scanner.error(.unitDenominator, at: denominatorPosition) }
        if numerator.isZero { throw scanner.error(.zeroNumerator, at: 1) }
        let g = BigInt.gcd(numerator, denominator)
        if g != 1 {
            let reduced = Rational(uncheckedNumerator: numerator.exactlyDivided(by: g), denominator: denominator.exactlyDivided(by: g))
            throw scanner.error(.notInLowestTerms(canonical: reduced.description), at: slashPosition)
        }
        self.init(uncheckedNumerator: numerator, denominator: denominator)
    }
}

extension Rational: CustomStringConvertible {
    /// The canonical form: `-12` or `3/8`.
    public var description: String {
        _denominator == 1 ? _numerator.description : "\(_numerator)/\(_denominator)"
    }
}
