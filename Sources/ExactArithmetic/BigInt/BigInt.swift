import CGMP

/// An arbitrary-precision signed integer backed by GMP.
///
/// Values that fit in `Int` are stored inline, without any heap allocation; an
/// operation whose result does not fit is promoted to a GMP number (`mpz_t`), and a
/// GMP result that fits is demoted again. The representation is therefore canonical:
/// a value has exactly one representation, so equality and hashing are by value.
///
/// Large values live in a copy-on-write `BigIntStorage`: copies share one GMP
/// number, and the in-place operators (`+=`, `*=`, ``addProduct(_:_:)``) mutate it
/// directly when it is uniquely referenced.
///
/// ```swift
/// var x: BigInt = 1
/// x <<= 100          // 2^100, promoted to GMP
/// x -= x - 5         // 5, demoted back to an inline Int
/// ```
@frozen
public struct BigInt: Sendable {
    /// The two representations; `.large` holds only values outside `Int`'s range.
    @usableFromInline
    @frozen
    internal enum Representation: Sendable {
        case small(Int)
        case large(BigIntStorage)
    }

    @usableFromInline
    internal var representation: Representation

    /// Creates the integer equal to `value`.
    @inlinable
    public init(_ value: Int) {
        representation = .small(value)
    }

    /// Creates an integer from a GMP result, demoting it to an inline `Int` when it fits.
    @inlinable
    internal init(normalizing storage: BigIntStorage) {
        representation = __gmpz_fits_slong_p(storage.mpz) != 0 ? .small(__gmpz_get_si(storage.mpz)) : .large(storage)
    }

    /// Zero.
    public static var zero: BigInt { BigInt(0) }

    /// -1, 0 or +1, the sign of the value.
    @inlinable
    public var signum: Int {
        switch representation {
        case .small(let v): return v.signum()
        case .large(let s): return Int(s.mpz.pointee._mp_size.signum())
        }
    }

    /// True when the value is zero.
    @inlinable
    public var isZero: Bool { intValue == 0 }

    /// True when the value is odd.
    @inlinable
    public var isOdd: Bool { magnitudeWord(at: 0) & 1 != 0 }

    /// The value as an `Int`, or nil when it does not fit.
    @inlinable
    public var intValue: Int? {
        if case .small(let v) = representation { return v }
        return nil
    }
}
