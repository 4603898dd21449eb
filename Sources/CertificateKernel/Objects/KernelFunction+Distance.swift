import DyadicFunctions
import ExactArithmetic

extension KernelFunction {
    /// ||f - g||_inf exactly. Two +-1 functions of one level differ by 0 or 2 on every
    /// cell, so their distance is 2 exactly when their packed bits differ.
    func supDistance(to other: KernelFunction) -> Rational {
        if case .packed(let a) = self, case .packed(let b) = other, a.level == b.level {
            return a.words == b.words ? 0 : 2
        }
        return stepFunction.supDistance(to: other.stepFunction).value
    }

    /// Whether the two functions are equal almost everywhere.
    func equals(_ other: KernelFunction) -> Bool {
        if case .packed(let a) = self, case .packed(let b) = other, a.level == b.level { return a.words == b.words }
        return stepFunction == other.stepFunction
    }
}

/// ||F - G||_inf = max over coordinates d of ||f_d - g_d||_inf (MATH.md sec. 2).
func vectorSupDistance(_ f: [KernelFunction], _ g: [KernelFunction]) -> Rational {
    var best = Rational.zero
    for d in 0..<min(f.count, g.count) {
        let distance = f[d].supDistance(to: g[d])
        if distance > best { best = distance }
    }
    return best
}

/// The elements of a class, generated from their parameters.
enum ClassElements {
    /// The number of elements a full enumeration visits (sign trees, or listed elements).
    static func count(_ k: KernelClass) -> BigInt {
        switch k {
        case .readout(let levels, _), .haar(let levels, _):
            return BigInt.powerOfTwo(min((1 << min(levels, 40)) - 1, 1 << 40))
        case .finite(let elements):
            return BigInt(elements.count)
        }
    }

    /// The element of a sign-tree class for one sign tree.
    static func element(_ k: KernelClass, signs: SignTree) throws(DyadicFunctionError) -> [KernelFunction] {
        switch k {
        case .readout(_, let readouts):
            var indices: [WalshReadout] = []
            for m in readouts { indices.append(try WalshReadout(index: m)) }
            return try TaskOutput.packedOutputs(signs: signs, readouts: indices).map { .packed($0) }
        case .haar(_, let amplitudes):
            return [.step(try RademacherHaarFeature(signs: signs, amplitudes: amplitudes).stepFunction)]
        case .finite:
            throw .invalidParameter("a finite class has no sign-tree parameters")
        }
    }

    /// Every element, after checking the enumeration limit.
    static func all(_ k: KernelClass, limits: VerificationLimits, at pointer: JSONPointer) throws(KernelError) -> [[KernelFunction]] {
        let n = count(k)
        guard n <= BigInt(limits.maximumEnumeration) else {
            throw .limitExceeded(pointer: pointer, limit: .enumeration, value: n.description, maximum: String(limits.maximumEnumeration))
        }
        switch k {
        case .finite(let elements):
            return elements
        case .readout(let levels, _), .haar(let levels, _):
            var result: [[KernelFunction]] = []
            do {
                for number in 0..<(n.intValue ?? 0) {
                    result.append(try element(k, signs: try SignTree(levels: levels, number: number)))
                }
            } catch {
                throw ObjectStore.invalid(error, at: pointer, what: "an enumerable class")
            }
            return result
        }
    }
}
