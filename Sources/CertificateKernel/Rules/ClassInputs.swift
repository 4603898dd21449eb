import DyadicFunctions
import ExactArithmetic

/// Shared reading of class-related inputs.
enum ClassInputs {
    /// The class named in `inputs.class`: its name, and the class with where it is named.
    static func functionClass(_ inputs: Fields, _ context: CheckContext) throws(KernelError) -> (name: String, k: Located<KernelClass>) {
        let name = try inputs.identifier("class")
        return (name, try inputs.located("class", context.objects.functionClass))
    }

    /// The class named in `inputs.class`, with its name, if `extract` accepts its kind
    /// (`kind` names the kind in messages).
    static func functionClass<T>(_ inputs: Fields, _ context: CheckContext, _ kind: String, _ extract: (KernelClass) -> T?)
        throws(KernelError) -> (name: String, value: T)
    {
        let (name, k) = try functionClass(inputs, context)
        guard let value = extract(k.value) else {
            throw .malformed(pointer: k.pointer, expected: "a reference to a \(kind)", found: "another kind of class")
        }
        return (name, value)
    }

    /// The readout-class K_M named in `inputs.class`: its name, depth J and readouts.
    static func readoutClass(_ inputs: Fields, _ context: CheckContext) throws(KernelError) -> (
        name: String, value: (levels: Int, readouts: [Int])
    ) {
        try functionClass(inputs, context, "readout-class") { if case .readout(let J, let readouts) = $0 { (J, readouts) } else { nil } }
    }

    /// A positive `eps`.
    static func epsilon(_ inputs: Fields) throws(KernelError) -> Rational {
        try positive(inputs, "eps", "a positive accuracy eps")
    }

    /// A positive number at `key` (`what` describes it in messages).
    static func positive(_ inputs: Fields, _ key: String, _ what: String) throws(KernelError) -> Rational {
        let value = try inputs.rational(key)
        guard value.signum > 0 else { throw .malformed(pointer: inputs.pointer.appending(key), expected: what, found: value.description) }
        return value
    }

    /// One class element given by its parameters: for a sign-tree class, the name of a
    /// sign-tree object or an inline {"bits": HEX}; for a finite class, an index.
    static func element(_ value: JSONValue, at pointer: JSONPointer, of k: KernelClass, _ context: CheckContext) throws(KernelError)
        -> [KernelFunction]
    {
        switch k {
        case .finite(let elements):
            let i = try Fields.integer(value, at: pointer, in: 0...max(elements.count - 1, 0), limit: nil, context: context.readingContext)
            return elements[i]
        case .readout(let levels, _), .haar(let levels, _):
            let signs: SignTree
            if case .object = value {
                let inline = try Fields(value, at: pointer, context: context.readingContext)
                try inline.allowOnly(FormatStructure.inlineSigns.keys)
                let bits = try inline.string("bits")
                do { signs = try SignTree(levels: levels, hex: bits) } catch {
                    throw ObjectStore.invalid(error, at: pointer.appending("bits"), what: "\((1 << levels) - 1) sign bits in lowercase hex")
                }
            } else {
                signs = try context.objects.signTree(value, at: pointer)
                guard signs.levels == levels else {
                    throw .malformed(
                        pointer: pointer, expected: "a sign tree of depth \(levels) (the class's depth)",
                        found: "a sign tree of depth \(signs.levels)")
                }
            }
            try context.readingContext.chargeCells(level: levels, at: pointer)
            if case .haar(_, let amplitudes) = k {
                try ClassElements.chargeFeature(levels: levels, amplitudes: amplitudes, context.readingContext, at: pointer)
            }
            do { return try ClassElements.element(k, signs: signs) } catch {
                throw ObjectStore.invalid(error, at: pointer, what: "a class element")
            }
        }
    }
}
