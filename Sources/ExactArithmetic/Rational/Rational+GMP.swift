import CGMP

// The bridge to GMP's mpq_* functions.
//
// An `mpq_t` is two `mpz_t` headers side by side. Instead of keeping a third copy of
// each value, the slow path lays the headers of the numerator's and denominator's own
// storages into a stack `__mpq_struct`, calls GMP, and writes the (possibly
// reallocated) headers back. No limb is copied.

/// A GMP rational operation q = op(x, y), as `mpq_add` (the slow paths of ``Rational``).
@usableFromInline
typealias MPQOperation = (UnsafeMutablePointer<__mpq_struct>, UnsafePointer<__mpq_struct>, UnsafePointer<__mpq_struct>) -> Void

extension Rational {
    /// Calls `body` with a read-only GMP view of the value.
    @inlinable
    internal func withMPQ<R>(_ body: (UnsafePointer<__mpq_struct>) throws -> R) rethrows -> R {
        try _numerator.withMPZ { n in
            try _denominator.withMPZ { d in
                var view = __mpq_struct(_mp_num: n.pointee, _mp_den: d.pointee)
                return try withUnsafePointer(to: &view) { try body($0) }
            }
        }
    }

    /// Runs `body` on an `mpq_t` made of the headers of two storages that the caller owns,
    /// then writes the (possibly reallocated) headers back and wraps them as a rational.
    internal static func withStorages(
        _ numerator: BigIntStorage, _ denominator: BigIntStorage, _ body: (UnsafeMutablePointer<__mpq_struct>) -> Void
    ) -> Rational {
        var value = __mpq_struct(_mp_num: numerator.mpz.pointee, _mp_den: denominator.mpz.pointee)
        body(&value)
        numerator.mpz.pointee = value._mp_num
        denominator.mpz.pointee = value._mp_den
        return Rational(uncheckedNumerator: BigInt(normalizing: numerator), denominator: BigInt(normalizing: denominator))
    }

    /// Computes `op(lhs, rhs)` into a fresh rational.
    @usableFromInline
    @inline(never)
    internal static func computeWithGMP(_ lhs: Rational, _ rhs: Rational, _ operation: MPQOperation) -> Rational {
        withStorages(BigIntStorage(), BigIntStorage()) { q in lhs.withMPQ { a in rhs.withMPQ { b in operation(q, a, b) } } }
    }

    /// Applies `self = op(self, rhs)` in place, reusing uniquely referenced storage.
    @usableFromInline
    @inline(never)
    internal mutating func formWithGMP(_ rhs: Rational, _ operation: MPQOperation) {
        let numerator = _numerator.takeUniqueStorage(), denominator = _denominator.takeUniqueStorage()
        self = Rational.withStorages(numerator, denominator) { q in rhs.withMPQ { b in operation(q, q, b) } }
    }
}
