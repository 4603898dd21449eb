import CGMP

// Addition, subtraction, multiplication and fused multiply-add.
//
// Every operator has an inline fast path for two small operands (overflow-checked
// `Int` arithmetic) and an out-of-line GMP path. The in-place forms mutate a uniquely
// referenced GMP number directly; the binary forms write a fresh GMP number, so no
// operand is copied first.

extension BigInt {
    @inlinable
    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        if let a = lhs.intValue, let b = rhs.intValue, case (let r, false) = a.addingReportingOverflow(b) { return BigInt(r) }
        return computeWithGMP(lhs, rhs, { __gmpz_add($0, $1, $2) })
    }

    @inlinable
    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
        if let a = lhs.intValue, let b = rhs.intValue, case (let r, false) = a.subtractingReportingOverflow(b) { return BigInt(r) }
        return computeWithGMP(lhs, rhs, { __gmpz_sub($0, $1, $2) })
    }

    @inlinable
    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        if let a = lhs.intValue, let b = rhs.intValue, case (let r, false) = a.multipliedReportingOverflow(by: b) { return BigInt(r) }
        return computeWithGMP(lhs, rhs, { __gmpz_mul($0, $1, $2) })
    }

    @inlinable
    public static func += (lhs: inout BigInt, rhs: BigInt) {
        if let a = lhs.intValue, let b = rhs.intValue, case (let r, false) = a.addingReportingOverflow(b) {
            lhs.representation = .small(r)
        } else {
            lhs.formWithGMP(rhs, { __gmpz_add($0, $1, $2) })
        }
    }

    @inlinable
    public static func *= (lhs: inout BigInt, rhs: BigInt) {
        if let a = lhs.intValue, let b = rhs.intValue, case (let r, false) = a.multipliedReportingOverflow(by: b) {
            lhs.representation = .small(r)
        } else {
            lhs.formWithGMP(rhs, { __gmpz_mul($0, $1, $2) })
        }
    }

    /// Adds `a * b` to `self` in place (GMP's `mpz_addmul`), without a temporary.
    @inlinable
    public mutating func addProduct(_ a: BigInt, _ b: BigInt) {
        addProduct(a, b, subtract: false)
    }

    /// Subtracts `a * b` from `self` in place (GMP's `mpz_submul`), without a temporary
    /// (fraction-free elimination in ExactLinearAlgebra).
    @inlinable
    public mutating func subtractProduct(_ a: BigInt, _ b: BigInt) {
        addProduct(a, b, subtract: true)
    }

    /// self += a * b, or self -= a * b when `subtract`: on machine words when nothing
    /// overflows, otherwise in place in GMP.
    @inlinable
    internal mutating func addProduct(_ a: BigInt, _ b: BigInt, subtract: Bool) {
        if let s = intValue, let x = a.intValue, let y = b.intValue, case (let p, false) = x.multipliedReportingOverflow(by: y),
            case (let r, false) = subtract ? s.subtractingReportingOverflow(p) : s.addingReportingOverflow(p)
        {
            representation = .small(r)
        } else {
            fusedWithGMP(a, b, subtract: subtract)
        }
    }

    @usableFromInline
    @inline(never)
    internal mutating func fusedWithGMP(_ a: BigInt, _ b: BigInt, subtract: Bool) {
        let storage = takeUniqueStorage()
        a.withMPZ { x in
            b.withMPZ { y in
                if subtract { __gmpz_submul(storage.mpz, x, y) } else { __gmpz_addmul(storage.mpz, x, y) }
            }
        }
        self = BigInt(normalizing: storage)
    }

    /// The additive inverse.
    @inlinable
    public static prefix func - (value: BigInt) -> BigInt {
        if case .small(let v) = value.representation, v != Int.min { return BigInt(-v) }
        return computeWithGMP(value, { __gmpz_neg($0, $1) })
    }

    /// The absolute value.
    @inlinable
    public var magnitude: BigInt {
        signum < 0 ? -self : self
    }
}
