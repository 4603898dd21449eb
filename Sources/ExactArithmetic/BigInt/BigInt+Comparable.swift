import CGMP

extension BigInt: Equatable {
    @inlinable
    public static func == (lhs: BigInt, rhs: BigInt) -> Bool {
        switch (lhs.representation, rhs.representation) {
        case (.small(let a), .small(let b)): return a == b
        case (.large(let a), .large(let b)): return a === b || __gmpz_cmp(a.mpz, b.mpz) == 0
        default: return false // canonical: a large value never fits in Int
        }
    }
}

extension BigInt: ThreeWayComparable {
    @inlinable
    public static func compare(_ lhs: BigInt, _ rhs: BigInt) -> Int {
        switch (lhs.representation, rhs.representation) {
        case (.small(let a), .small(let b)): return a < b ? -1 : (a == b ? 0 : 1)
        // A large value lies outside Int's range, so its sign decides.
        case (.small, .large(let b)): return -Int(b.mpz.pointee._mp_size.signum())
        case (.large(let a), .small): return Int(a.mpz.pointee._mp_size.signum())
        case (.large(let a), .large(let b)): return Int(__gmpz_cmp(a.mpz, b.mpz)).signum()
        }
    }
}

extension BigInt: Hashable {
    /// Hashes the value (sign and limbs), never a pointer; consistent with `==`
    /// because the representation is canonical.
    public func hash(into hasher: inout Hasher) {
        switch representation {
        case .small(let v):
            hasher.combine(v)
        case .large(let s):
            hasher.combine(s.mpz.pointee._mp_size) // the sign and the number of limbs
            for i in 0..<__gmpz_size(s.mpz) { hasher.combine(__gmpz_getlimbn(s.mpz, i)) }
        }
    }
}
