import ExactArithmetic

// Operations on the exact number types that no verdict depends on: the generator,
// the audit, the benchmarks and the tests use them, the kernel never does. They are
// written on the public API of ExactArithmetic, so they add nothing to the trusted base.

extension BigInt {
    /// Exactly whether N >= 2^b, for any integer b (N >= 0).
    public func isAtLeastPowerOfTwo(_ b: Int) -> Bool {
        precondition(signum >= 0, "isAtLeastPowerOfTwo needs N >= 0")
        if isZero { return false }
        if b <= 0 { return true } // N >= 1 >= 2^b
        return bitLength - 1 >= b
    }

    /// The sign of log2 N - p/q, exactly, for N >= 1 and q >= 1: that is, the sign of
    /// N^q - 2^p. N^q is computed only when the bit lengths cannot decide, and then it
    /// has about p bits.
    ///
    /// - Throws: ``ArithmeticError/resultTooLarge`` when deciding would need N^q with
    ///   more than `maximumBits` bits (by default ``BigInt/maximumBitWidth``).
    public func compareLog2(toNumerator p: BigInt, denominator q: BigInt, maximumBits: Int = BigInt.maximumBitWidth) throws(ArithmeticError)
        -> Int
    {
        precondition(signum > 0 && q.signum > 0, "compareLog2 needs N >= 1 and q >= 1")
        // N = 2^k: compare k*q with p.
        if isPowerOfTwo {
            return BigInt.compare(BigInt(bitLength - 1) * q, p)
        }
        // 2^(L-1) < N < 2^L (N is not a power of two), so (L-1) q < q log2 N < L q.
        let length = BigInt(bitLength)
        if (length - 1) * q >= p { return 1 }
        if length * q <= p { return -1 }
        // Here (L-1) q < p < L q, so q and p fit the size bound of N^q.
        guard let qInt = q.intValue, let pInt = p.intValue, pInt < maximumBits, pInt < BigInt.maximumBitWidth else {
            throw .resultTooLarge
        }
        // N has an odd factor above 1, so N^q is not a power of two and never equals
        // 2^p: N^q > 2^p exactly when its bit length exceeds p.
        return self.power(qInt).bitLength - 1 >= pInt ? 1 : -1
    }

    /// The sign of log2 N - b for a rational bound b, exactly (N >= 1).
    public func compareLog2(to b: Rational, maximumBits: Int = BigInt.maximumBitWidth) throws(ArithmeticError) -> Int {
        try compareLog2(toNumerator: b.numerator, denominator: b.denominator, maximumBits: maximumBits)
    }

    /// Lowercase hexadecimal, no prefix, `-` when negative (the benchmark digest form).
    public var hexString: String { text(radix: 16) }

    /// Parses lowercase hexadecimal: `0`, `ff`, `-1a` (no prefix, no leading zeros), with
    /// the reasons and positions of ``init(parsing:digitLimit:)``; the digits are counted
    /// against `digitLimit` before any is converted.
    public init(hex text: some StringProtocol, digitLimit: Int = BigInt.defaultDigitLimit) throws(NumberSyntaxError) {
        let bytes = Array(text.utf8)
        func failure(_ reason: NumberSyntaxError.Reason, at i: Int) -> NumberSyntaxError {
            NumberSyntaxError(reason, position: i + 1, in: text)
        }
        // The bytes before i are ASCII, so byte i starts the scalar at position i + 1.
        func unexpected(at i: Int) -> NumberSyntaxError {
            guard let scalar = text.unicodeScalars.dropFirst(i).first else { return failure(.missingDigits, at: i) }
            return failure(.unexpectedCharacter(scalar), at: i)
        }
        func nibble(_ byte: UInt8) -> Int? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(byte - UInt8(ascii: "a")) + 10
            default: nil
            }
        }
        guard let first = bytes.first else { throw failure(.empty, at: 0) }
        if first == UInt8(ascii: "+") { throw failure(.plusSign, at: 0) }
        let start = first == UInt8(ascii: "-") ? 1 : 0
        var end = start, nibbles: [Int] = []
        while end < bytes.count, let digit = nibble(bytes[end]) {
            if end > start && bytes[start] == UInt8(ascii: "0") { throw failure(.leadingZero, at: start) }
            if end - start >= digitLimit { throw failure(.tooManyDigits(limit: digitLimit), at: end) }
            nibbles.append(digit)
            end += 1
        }
        if end == start { throw unexpected(at: end) }
        // The magnitude from chunks of at most 15 digits (60 bits), most significant first.
        var magnitude = BigInt.zero
        for chunk in stride(from: 0, to: nibbles.count, by: 15) {
            let digits = nibbles[chunk..<min(chunk + 15, nibbles.count)]
            magnitude = (magnitude << (4 * digits.count)) + BigInt(digits.reduce(0) { $0 << 4 | $1 })
        }
        if start == 1 && magnitude.isZero { throw failure(.negativeZero, at: 0) }
        if end < bytes.count { throw unexpected(at: end) }
        self = start == 1 ? -magnitude : magnitude
    }

    /// The number of one bits in |self| (population count of the magnitude).
    public var magnitudeNonzeroBitCount: Int {
        var rest = magnitude, count = 0
        let chunk = BigInt.powerOfTwo(62)
        while !rest.isZero {
            let (q, r) = rest.quotientAndRemainder(dividingBy: chunk)
            count += (r.intValue ?? 0).nonzeroBitCount
            rest = q
        }
        return count
    }

    /// An approximation for display and plotting only: the top 62 bits, scaled.
    public var approximateDouble: Double {
        if let v = intValue { return Double(v) }
        let shift = bitLength - 62
        let top = Double((magnitude >> shift).intValue ?? 0)
        return Double(sign: signum < 0 ? .minus : .plus, exponent: shift, significand: top)
    }
}

extension Rational {
    /// 1 / self.
    ///
    /// - Throws: ``ArithmeticError/divisionByZero`` for zero.
    public func reciprocal() throws(ArithmeticError) -> Rational {
        try Rational(numerator: denominator, denominator: numerator)
    }

    /// An approximation for display and plotting only (numerator and denominator each
    /// rounded to their top 62 bits).
    public var approximateDouble: Double {
        let n = numerator, d = denominator
        let sn = max(n.bitLength - 62, 0), sd = max(d.bitLength - 62, 0)
        let top = Double((n.magnitude >> sn).intValue ?? 0) / Double((d >> sd).intValue ?? 1)
        return Double(sign: n.signum < 0 ? .minus : .plus, exponent: sn - sd, significand: top)
    }

    /// `P/Q` in lowercase hexadecimal with `Q >= 1` (`0/1` for zero): the string whose
    /// SHA-256 is the benchmark kit's "rational digest".
    public var hexDigestText: String {
        "\(numerator.hexString)/\(denominator.hexString)"
    }

    /// The value rounded to `fractionDigits` decimal places (half away from zero),
    /// computed exactly; for human-readable reports, never for checking.
    public func decimalText(fractionDigits: Int) -> String {
        precondition(fractionDigits >= 0 && fractionDigits <= 10_000)
        let scale = BigInt(10).power(fractionDigits)
        let scaled = numerator.magnitude * scale
        var (q, r) = scaled.quotientAndRemainder(dividingBy: denominator)
        if r * 2 >= denominator { q += 1 }
        var digits = q.description
        if fractionDigits > 0 {
            if digits.count <= fractionDigits { digits = String(repeating: "0", count: fractionDigits - digits.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -fractionDigits))
        }
        return (signum < 0 && !q.isZero ? "-" : "") + digits
    }
}

// Operations the trusted base once offered for completeness and no verdict uses.

extension BigInt {
    /// `self` raised to a non-negative integer power (0^0 = 1), by repeated squaring.
    public func power(_ exponent: Int) -> BigInt {
        precondition(exponent >= 0, "BigInt.power: negative exponent")
        if exponent == 0 { return 1 }
        let (bits, overflow) = max(bitLength, 1).multipliedReportingOverflow(by: exponent)
        precondition(!overflow && bits <= BigInt.maximumBitWidth, "BigInt.power: result too large")
        var result: BigInt = 1, base = self, rest = exponent
        while true {
            if rest & 1 == 1 { result *= base }
            rest >>= 1
            if rest == 0 { return result }
            base *= base
        }
    }

    /// Quotient and remainder with truncation toward zero: `self = q * d + r`,
    /// `|r| < |d|`, and `r` has the sign of `self` (or is zero), like `Int`'s.
    public func quotientAndRemainder(dividingBy divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        let (q, m) = flooredQuotientAndModulus(dividingBy: divisor)
        // The floored and truncated results differ when the modulus is nonzero and has
        // the divisor's sign against the dividend's.
        if m.isZero || m.signum == signum { return (q, m) }
        return (q + 1, m - divisor)
    }

    /// Truncating quotient (like `Int`'s `/`).
    public static func / (lhs: BigInt, rhs: BigInt) -> BigInt {
        lhs.quotientAndRemainder(dividingBy: rhs).quotient
    }

    /// Remainder of the truncating division (like `Int`'s `%`).
    public static func % (lhs: BigInt, rhs: BigInt) -> BigInt {
        lhs.quotientAndRemainder(dividingBy: rhs).remainder
    }

    public static func -= (lhs: inout BigInt, rhs: BigInt) { lhs = lhs - rhs }

    public static func >>= (value: inout BigInt, k: Int) { value = value >> k }
}

// The kernel never does generic arithmetic on integers; the generic law tests and
// untrusted code do.
extension BigInt: AdditiveArithmetic {}

extension BigInt: Numeric {
    public typealias Magnitude = BigInt

    /// Always succeeds: every binary integer is a `BigInt`.
    public init?<T: BinaryInteger>(exactly source: T) {
        self.init(source)
    }
}

extension BigInt: SignedNumeric {}

extension Int {
    /// The value of `source` when it fits in `Int`.
    public init?(exactly source: BigInt) {
        guard let value = source.intValue else { return nil }
        self = value
    }
}

extension Rational {
    /// numerator / denominator for machine integers, reduced.
    ///
    /// - Throws: ``ArithmeticError/divisionByZero`` when `denominator` is zero.
    public init(_ numerator: Int, _ denominator: Int) throws(ArithmeticError) {
        guard denominator != 0 else { throw .divisionByZero }
        self = Rational.reducing(Int128(numerator), Int128(denominator))
    }

    public static func /= (lhs: inout Rational, rhs: Rational) { lhs = lhs / rhs }
}

// Descriptions of the errors for messages outside the kernel (the kernel words its own
// messages from the reason and the position).

extension ArithmeticError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .divisionByZero: return "division by zero"
        case .notDyadic: return "not a dyadic rational (the denominator is not a power of two)"
        case .resultTooLarge: return "the exact result would be too large"
        }
    }
}

extension NumberSyntaxError: CustomStringConvertible {
    public var description: String {
        "invalid number \"\(excerpt)\" at character \(position): \(explanation)"
    }
}
