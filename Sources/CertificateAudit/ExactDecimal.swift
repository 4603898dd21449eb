import ExactArithmetic

/// Decimal renderings of exact rationals for reports: computed with integer arithmetic,
/// rounded (half away from zero) to a number of significant digits, positional for
/// moderate magnitudes and scientific otherwise. Display only; never used for checking.
enum ExactDecimal {
    static func text(_ x: Rational, significantDigits: Int = 10) -> String {
        if x.isZero { return "0" }
        if x.isInteger && x.numerator.magnitude.bitLength <= 60 { return x.description }
        let magnitude = x.magnitude
        // e = floor(log10 |x|), found from digit counts and one correction step.
        var e = magnitude.numerator.description.count - magnitude.denominator.description.count
        if magnitude < power10(e) { e -= 1 }
        if magnitude >= power10(e + 1) { e += 1 }
        // q = round(|x| * 10^(digits - 1 - e)) has `digits` digits (or one more after rounding up).
        let shift = significantDigits - 1 - e
        let scaled = magnitude * power10(shift)
        var q = scaled.floor
        if (scaled - Rational(q)) * 2 >= Rational.one { q += 1 }
        var digits = q.description
        if digits.count > significantDigits {
            digits.removeLast()
            e += 1
        }
        let sign = x.signum < 0 ? "-" : ""
        if e >= -5 && e < 15 {
            // Positional: place the point after e + 1 digits.
            var text: String
            if e >= 0 {
                let integerDigits = e + 1
                if digits.count <= integerDigits {
                    text = digits + String(repeating: "0", count: integerDigits - digits.count)
                } else {
                    text = String(digits.prefix(integerDigits)) + "." + digits.dropFirst(integerDigits)
                }
            } else {
                text = "0." + String(repeating: "0", count: -e - 1) + digits
            }
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return sign + text
        }
        var mantissa = String(digits.prefix(1)) + "." + digits.dropFirst()
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
        return sign + mantissa + "e" + String(e)
    }

    static func power10(_ k: Int) -> Rational {
        k >= 0 ? Rational(BigInt(10).power(k)) : Rational.one / Rational(BigInt(10).power(-k))
    }

    /// "p/q (≈ d)" for fractions, the integer itself for integers.
    static func withFraction(_ x: Rational) -> String {
        x.isInteger ? x.description : "\(x) (≈ \(text(x)))"
    }
}
