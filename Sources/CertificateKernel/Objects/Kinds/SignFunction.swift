import DyadicFunctions

extension ObjectStore {
    /// A `sign-function`: +-1 values per cell of level J, packed from hex (2^J cells charged).
    func buildSignFunction(_ f: Fields, _ kind: ObjectKind, _ context: ReadingContext) throws(KernelError) -> KernelObject {
        let p = f.pointer
        let level = try f.integer("level", in: 0...PackedSignFunction.maximumLevel, limit: .level)
        try context.chargeCells(level: level, at: p.appending("level"))
        let bits = try f.string("bits")
        do { return .function(.packed(try PackedSignFunction(level: level, hex: bits))) } catch {
            throw ObjectStore.invalid(
                error, at: p.appending("bits"), what: "\(1 << level) bits as \((1 << level + 3) / 4) lowercase hex digits")
        }
    }
}
