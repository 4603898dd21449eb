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
        // Each iteration initialises its own slot (no two write the same memory), and
        // concurrentPerform returns only after every iteration has run, so all `count`
        // slots are initialised when the array is formed.
        return [T](unsafeUninitializedCapacity: count) { slots, initialized in
            nonisolated(unsafe) let base = slots.baseAddress!
            DispatchQueue.concurrentPerform(iterations: count) { i in (base + i).initialize(to: body(i)) }
            initialized = count
        }
    }
}
