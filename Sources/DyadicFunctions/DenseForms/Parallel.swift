import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Splitting independent work across the machine's cores.
public enum Parallel {
    /// The number of processors online (at least 1).
    public static let processorCount: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// `(0..<count).map(body)`, computed concurrently when `work` (a rough count of
    /// elementary operations) is large enough to pay for the threads.
    public static func map<T: Sendable>(count: Int, work: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 1 && work >= 1 << 22 else { return (0..<count).map(body) }
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, body(i)) }
        return results.values
    }
}

/// Write-once result slots filled from concurrent iterations (each index written
/// exactly once, read only after all writers have finished).
final class ResultSlots<Value>: @unchecked Sendable {
    private let pointer: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) { pointer[index] = value }

    var values: [Value] {
        (0..<count).map { i in
            guard let value = pointer[i] else { preconditionFailure("ResultSlots: slot \(i) was not filled") }
            return value
        }
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }
}
