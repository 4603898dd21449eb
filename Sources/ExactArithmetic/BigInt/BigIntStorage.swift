import CGMP

/// A GMP integer operation z = op(x, y), as `mpz_add` (the slow paths of ``BigInt``).
@usableFromInline
typealias MPZOperation = (UnsafeMutablePointer<__mpz_struct>, UnsafePointer<__mpz_struct>, UnsafePointer<__mpz_struct>) -> Void

/// The heap storage of a large ``BigInt``: one GMP integer, owned for life.
///
/// The `mpz_t` lives behind a `let` pointer (not a stored `mpz_t` field), so that
/// in-place GMP calls such as `mpz_add(z, z, y)` are not overlapping Swift accesses and
/// need no dynamic exclusivity checks. It is initialised once and cleared in `deinit`.
///
/// Sendable: the GMP number is only mutated through a reference that
/// `isKnownUniquelyReferenced` has proven unique (see ``BigInt/takeUniqueStorage()``),
/// so a storage object shared between values, and hence threads, is never written.
@usableFromInline
internal final class BigIntStorage: @unchecked Sendable {
    @usableFromInline
    internal let mpz: UnsafeMutablePointer<__mpz_struct>

    /// A new GMP integer equal to zero.
    @usableFromInline
    internal init() {
        mpz = .allocate(capacity: 1)
        __gmpz_init(mpz)
    }

    /// A deep copy of another GMP integer.
    @usableFromInline
    internal init(copying source: UnsafePointer<__mpz_struct>) {
        mpz = .allocate(capacity: 1)
        __gmpz_init_set(mpz, source)
    }

    deinit {
        __gmpz_clear(mpz)
        mpz.deallocate()
    }
}

extension BigInt {
    /// Calls `body` with a read-only GMP view of the value.
    ///
    /// A small value is presented as a stack-allocated read-only `mpz_t` (the
    /// `MPZ_ROINIT_N` layout: `_mp_alloc = 0`) over one limb, so mixed small/large
    /// operations never allocate. `body` must not store the pointer or write through it.
    @inlinable
    internal func withMPZ<R>(_ body: (UnsafePointer<__mpz_struct>) throws -> R) rethrows -> R {
        switch representation {
        case .large(let storage):
            return try withExtendedLifetime(storage) { try body(storage.mpz) }
        case .small(let value):
            var limb: mp_limb_t = value.magnitude
            return try withUnsafeMutablePointer(to: &limb) { limbPointer in
                var view = __mpz_struct(
                    _mp_alloc: 0,
                    _mp_size: value < 0 ? -1 : (value == 0 ? 0 : 1),
                    _mp_d: limbPointer)
                return try withUnsafePointer(to: &view) { try body($0) }
            }
        }
    }

    /// Moves the value into a GMP storage that this call's caller owns exclusively.
    ///
    /// The reference is moved out of the enum *before* the uniqueness check (a
    /// reference still held by the enum would make every check fail and every
    /// in-place operation copy). `self` is left as zero; the caller stores the result
    /// back with ``init(normalizing:)``.
    @inlinable
    internal mutating func takeUniqueStorage() -> BigIntStorage {
        guard case .large(var storage) = representation else { return withMPZ { BigIntStorage(copying: $0) } }
        representation = .small(0)
        if !isKnownUniquelyReferenced(&storage) { storage = BigIntStorage(copying: storage.mpz) }
        return storage
    }

    /// Applies an in-place GMP operation `z = op(z, rhs)` on the slow path.
    @usableFromInline
    @inline(never)
    internal mutating func formWithGMP(_ rhs: BigInt, _ operation: MPZOperation) {
        let storage = takeUniqueStorage()
        rhs.withMPZ { operation(storage.mpz, storage.mpz, $0) }
        self = BigInt(normalizing: storage)
    }

    /// Computes `op(lhs, rhs)` into a fresh GMP number on the slow path.
    @usableFromInline
    @inline(never)
    internal static func computeWithGMP(_ lhs: BigInt, _ rhs: BigInt, _ operation: MPZOperation) -> BigInt {
        let result = BigIntStorage()
        lhs.withMPZ { a in rhs.withMPZ { b in operation(result.mpz, a, b) } }
        return BigInt(normalizing: result)
    }

    /// Computes `op(value)` into a fresh GMP number.
    @usableFromInline
    internal static func computeWithGMP(
        _ value: BigInt,
        _ operation: (UnsafeMutablePointer<__mpz_struct>, UnsafePointer<__mpz_struct>) -> Void
    ) -> BigInt {
        let result = BigIntStorage()
        value.withMPZ { operation(result.mpz, $0) }
        return BigInt(normalizing: result)
    }
}
