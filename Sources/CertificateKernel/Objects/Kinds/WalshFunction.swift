import DyadicFunctions
import ExactArithmetic

extension ObjectStore {
    /// A `walsh-function` w_m, packed at the level of m's top bit.
    func buildWalshFunction(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let m = try f.bigInteger("index")
        guard m.signum >= 0 else {
            throw .malformed(pointer: p.appending("index"), expected: "a non-negative integer", found: m.description)
        }
        let level = max(m.bitLength, 1)
        try context.checkLevel(level, largest: PackedSignFunction.maximumLevel, at: p.appending("index"))
        try context.chargeCells(level: level, at: p.appending("index"))
        guard let index = m.intValue else { // unreachable: the level check keeps m below 2^32
            throw .limitExceeded(
                pointer: p.appending("index"), limit: .level, value: String(level), maximum: .raisable(context.limits.maximumLevel))
        }
        do { return .function(.packed(try WalshFunction(index: index).packed(level: level))) } catch {
            throw ObjectStore.invalid(error, at: p, what: "a Walsh function")
        }
    }
}
