import Testing
import ExactArithmetic
@testable import DyadicFunctions
import TestSupport

/// Haar, Rademacher and Walsh functions (MATH.md sec. 4) against their definitions.
@Suite struct FoundationBasisTests {
    // MARK: References

    /// The Haar mother psi: +1 on [0, 1/2), -1 on [1/2, 1), 0 elsewhere.
    static func psi(_ y: Rational) -> Rational {
        if y >= 0 && y < FDN.q(1, 2) { return 1 }
        if y >= FDN.q(1, 2) && y < 1 { return -1 }
        return 0
    }

    /// The binary digit b_n(x) (digit n+1 after the point) of x in [0, 1), by doubling.
    static func digit(_ x: Rational, _ n: Int) -> Int {
        var y = x
        var d = 0
        for _ in 0...n {
            y = y + y
            if y >= 1 {
                d = 1
                y = y - 1
            } else {
                d = 0
            }
        }
        return d
    }

    /// r_n as a canonical step function written down from the definition: +1 on the
    /// level-(n+1) cells with an even index, -1 on the odd ones.
    static func rademacherStep(_ n: Int) throws -> StepFunction {
        let cells = 1 << (n + 1)
        let t = (0...cells).map { FDN.dy($0, n + 1) }
        let v: [Rational] = (0..<cells).map { $0 % 2 == 0 ? 1 : -1 }
        return try StepFunction(breakpoints: t, values: v)
    }

    /// Sample points: dyadic of level 9 and a few non-dyadic rationals.
    static let samples: [Rational] = (0..<512).map { FDN.dy($0, 9) } + [FDN.q(1, 3), FDN.q(2, 3), FDN.q(5, 7), FDN.q(1, 99), FDN.q(98, 99)]

    // MARK: Haar

    @Test func haarStepFunctionMatchesTheDefinition() throws {
        for j in 0...5 {
            for k in 0..<(1 << j) {
                let h = try HaarFunction(level: j, index: k)
                let f = h.stepFunction
                for x in Self.samples {
                    #expect(try f.value(at: x) == Self.psi(x * Rational(1 << j) - Rational(k)), "psi(\(j),\(k)) at \(x)")
                }
                #expect(f.dyadicLevel == j + 1)
                #expect(f.integral == 0)
                // value(cell:level:) at the left end of each cell of a finer level.
                for J in (j + 1)...(j + 3) {
                    for c in 0..<(1 << J) {
                        #expect(Rational(h.value(cell: c, level: J)) == Self.psi(FDN.dy(c, J) * Rational(1 << j) - Rational(k)))
                    }
                }
            }
        }
        // The deepest allowed level still builds (breakpoints with 62-bit denominators).
        let deep = try HaarFunction(level: 61, index: 5).stepFunction
        #expect(deep.breakpoints == [0, FDN.dy(5, 61), FDN.dy(11, 62), FDN.dy(6, 61), 1])
        #expect(deep.values == [0, 1, -1, 0])
    }

    @Test func haarFunctionsAreOrthogonalWithNormTwoToMinusJ() throws {
        var all: [(Int, Int, StepFunction)] = []
        for j in 0...4 { for k in 0..<(1 << j) { all.append((j, k, try HaarFunction(level: j, index: k).stepFunction)) } }
        for (j, k, f) in all {
            for (j2, k2, g) in all {
                let expected: Rational = (j == j2 && k == k2) ? FDN.q(1, 1 << j) : 0
                #expect(f.innerProduct(with: g) == expected, "<psi(\(j),\(k)), psi(\(j2),\(k2))>")
            }
        }
    }

    @Test func haarErrors() {
        func err(_ j: Int, _ k: Int) -> DyadicFunctionError? {
            FDN.error { () throws(DyadicFunctionError) in try HaarFunction(level: j, index: k) }
        }
        #expect(err(62, 0) == .levelOutOfRange(level: 62, range: 0...61))
        guard case .levelOutOfRange(-1, _)? = err(-1, 0) else {
            Issue.record("level -1 must be rejected")
            return
        }
        #expect(err(2, 4) == .indexOutOfRange(what: "interval index", index: 4, range: 0..<4))
        #expect(err(2, -1) == .indexOutOfRange(what: "interval index", index: -1, range: 0..<4))
        #expect(err(61, (1 << 61) - 1) == nil)
    }

    // MARK: Rademacher

    @Test func rademacherIsTheSumOfHaarFunctionsOfItsLevel() throws {
        for n in 0...6 {
            var sum = StepFunction(constant: 0)
            for k in 0..<(1 << n) { sum = sum + (try HaarFunction(level: n, index: k).stepFunction) }
            let reference = try Self.rademacherStep(n)
            #expect(sum == reference, "n=\(n)")
            let r = try RademacherFunction(index: n)
            #expect(r.packed.stepFunction == reference)
            #expect(r.packed.level == n + 1)
            #expect(sum.isSignValued && sum.breakpointCount == (1 << (n + 1)) - 1)
        }
    }

    @Test func rademacherValuesFollowBinaryDigits() throws {
        var rng = SplitMix64(seed: 0xF5_01)
        for n in 0...20 {
            let r = try RademacherFunction(index: n)
            var points = Self.samples
            for _ in 0..<30 {
                let d = FDN.int(&rng, 2...5000)
                points.append(FDN.q(FDN.int(&rng, 0...(d - 1)), d))
            }
            for x in points { #expect(try r.value(at: x) == (Self.digit(x, n) == 0 ? 1 : -1), "r_\(n)(\(x))") }
            // value(cell:level:) is the value on the cell (at its midpoint).
            for J in (n + 1)...(n + 3) {
                for c in stride(from: 0, to: 1 << J, by: max(1, (1 << J) / 64)) {
                    let mid = FDN.q(2 * c + 1, 1 << (J + 1))
                    #expect(r.value(cell: c, level: J) == (Self.digit(mid, n) == 0 ? 1 : -1))
                }
            }
        }
        let r0 = try RademacherFunction(index: 0)
        #expect(FDN.error { () throws(DyadicFunctionError) in try r0.value(at: 1) } == .pointOutsideDomain(1))
        #expect(FDN.error { () throws(DyadicFunctionError) in try r0.value(at: FDN.q(-1, 3)) } == .pointOutsideDomain(FDN.q(-1, 3)))
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try RademacherFunction(index: -1) }
                == .indexOutOfRange(what: "Rademacher index", index: -1, range: 0..<32))
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try RademacherFunction(index: 32) }
                == .indexOutOfRange(what: "Rademacher index", index: 32, range: 0..<32))
        #expect(FDN.error { () throws(DyadicFunctionError) in try RademacherFunction(index: 31) } == nil)
    }

    // MARK: Walsh

    /// w_m from the definition as a product of the reference Rademacher step functions.
    static func walshStep(_ m: Int) throws -> StepFunction {
        var w = StepFunction(constant: 1)
        var n = 0
        while m >> n != 0 {
            if (m >> n) & 1 == 1 { w = w * (try rademacherStep(n)) }
            n += 1
        }
        return w
    }

    @Test func walshIsTheProductOfRademacherFunctions() throws {
        for J in 0...6 {
            for m in 0..<(1 << J) {
                let w = try WalshFunction(index: m)
                let reference = try Self.walshStep(m)
                #expect(try w.packed(level: J).stepFunction == reference, "w_\(m) at level \(J)")
                // Cell values agree with the reference at cell midpoints.
                for c in 0..<(1 << J) {
                    let mid = FDN.q(2 * c + 1, 1 << (J + 1))
                    #expect(try Rational(w.value(cell: c, level: J)) == reference.value(at: mid))
                    #expect(try w.value(at: mid) == w.value(cell: c, level: J))
                }
            }
        }
    }

    @Test func walshFunctionsAreOrthonormalUpToLevel6() throws {
        for J in [3, 6] {
            let ws = try (0..<(1 << J)).map { try WalshFunction(index: $0).packed(level: J).stepFunction }
            for a in 0..<ws.count {
                for b in a..<ws.count {
                    let ip = ws[a].innerProduct(with: ws[b])
                    #expect(ip == (a == b ? 1 : 0), "<w_\(a), w_\(b)>")
                }
            }
        }
        // The product definition (independent of the library's Walsh code) too.
        let ref = try (0..<16).map { try Self.walshStep($0) }
        for a in 0..<16 { for b in 0..<16 { #expect(ref[a].innerProduct(with: ref[b]) == (a == b ? 1 : 0)) } }
    }

    @Test func walshValueAtFollowsBinaryDigits() throws {
        var rng = SplitMix64(seed: 0xF5_02)
        for _ in 0..<300 {
            let m = FDN.int(&rng, 0...((1 << 20) - 1))
            let d = FDN.int(&rng, 2...100_000)
            let x = FDN.q(FDN.int(&rng, 0...(d - 1)), d)
            var sign = 1
            for n in 0..<20 where (m >> n) & 1 == 1 && Self.digit(x, n) == 1 { sign = -sign }
            #expect(try WalshFunction(index: m).value(at: x) == sign, "w_\(m)(\(x))")
        }
        let w = try WalshFunction(index: 5)
        #expect(FDN.error { () throws(DyadicFunctionError) in try w.value(at: 1) } == .pointOutsideDomain(1))
    }

    @Test func walshIndexProperties() throws {
        for m in [0, 1, 2, 3, 5, 8, 13, 64, 100, 1023, 1024, (1 << 32) - 1] {
            let w = try WalshFunction(index: m)
            var top: Int? = nil, weight = 0, minimum = 0
            for n in 0..<40 where (m >> n) & 1 == 1 {
                top = n
                weight += 1
                minimum = n + 1
            }
            #expect(w.top == top && w.weight == weight && w.minimumLevel == minimum, "m=\(m)")
        }
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try WalshFunction(index: -1) }
                == .indexOutOfRange(what: "Walsh index", index: -1, range: 0..<(1 << 32)))
        #expect(
            FDN.error { () throws(DyadicFunctionError) in try WalshFunction(index: 1 << 32) }
                == .indexOutOfRange(what: "Walsh index", index: 1 << 32, range: 0..<(1 << 32)))
        let w5 = try WalshFunction(index: 5)
        #expect(FDN.error { () throws(DyadicFunctionError) in try w5.packed(level: 2) } == .levelOutOfRange(level: 2, range: 3...32))
        #expect(FDN.error { () throws(DyadicFunctionError) in try w5.packed(level: 33) } == .levelOutOfRange(level: 33, range: 3...32))
        #expect(try WalshFunction(index: 0).packed(level: 0).stepFunction == StepFunction(constant: 1))
    }

    @Test func bitsReverseMatchesANaiveLoop() {
        var rng = SplitMix64(seed: 0xF5_03)
        for _ in 0..<2000 {
            let width = FDN.int(&rng, 0...63)
            let x = Int(bitPattern: UInt(rng.next()))
            var expected = 0
            for i in 0..<width where (x >> i) & 1 == 1 { expected |= 1 << (width - 1 - i) }
            #expect(Bits.reverse(x, width: width) == expected, "x=\(x) width=\(width)")
        }
        #expect(Bits.reverse(0b0011, width: 4) == 0b1100)
        #expect(Bits.reverse(1, width: 1) == 1)
        #expect(Bits.reverse(-1, width: 0) == 0)
    }
}
