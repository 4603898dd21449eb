import DyadicFunctions
import ExactArithmetic

/// Shared reading of class-related inputs.
enum ClassInputs {
    /// The class named in `inputs.class`, with its name.
    static func functionClass(_ inputs: Fields, _ context: CheckContext) throws(KernelError) -> (name: String, value: KernelClass) {
        let value = try inputs.value("class")
        let name = try Fields.identifier(value, at: inputs.pointer.appending("class"))
        return (name, try context.objects.functionClass(value, at: inputs.pointer.appending("class")))
    }

    /// `coding`: "joint" (the tuple class) or "separate" (each coordinate class).
    static func coding(_ inputs: Fields) throws(KernelError) -> Coding {
        try inputs.word("coding")
    }

    /// A positive `eps`.
    static func epsilon(_ inputs: Fields) throws(KernelError) -> Rational {
        let eps = try inputs.rational("eps")
        guard eps.signum > 0 else {
            throw .malformed(pointer: inputs.pointer.appending("eps"), expected: "a positive accuracy eps", found: eps.description)
        }
        return eps
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
                try context.readingContext.chargeCells(count: ClassElements.extraCells(levels: levels, amplitudes: amplitudes), at: pointer)
            }
            do { return try ClassElements.element(k, signs: signs) } catch {
                throw ObjectStore.invalid(error, at: pointer, what: "a class element")
            }
        }
    }
}
