import Testing
import TestSupport
@testable import DyadicFunctions

/// Threshold groups whose thresholds form an arithmetic grid are counted by a division
/// (`ThresholdGroup.value(at:)`); here against the definition, a plain count of the
/// units that are on, at the grid points, one unit either side, and far outside.
@Suite struct ThresholdGridTests {
    /// G(s) by the definition: rising units with threshold <= s plus falling units with
    /// threshold >= s.
    static func definition(_ up: [(Int, Int)], _ down: [(Int, Int)], at s: Int) -> Int {
        up.filter { $0.0 <= s }.reduce(0) { $0 + $1.1 } + down.filter { $0.0 >= s }.reduce(0) { $0 + $1.1 }
    }

    @Test("grid groups against the definition", arguments: 0..<40)
    func gridAgainstDefinition(seed: UInt64) {
        var rng = SplitMix64(seed: 4242 + seed)
        let count = Int.random(in: 3...40, using: &rng)
        let step = seed % 4 == 0 ? 1 : Int.random(in: 1...(1 << Int.random(in: 1...40, using: &rng)), using: &rng)
        let first = Int.random(in: -(1 << 58)...(1 << 58), using: &rng)
        let grid = (0..<count).map { (first + $0 * step, Int.random(in: -9...9, using: &rng)) }
        let split = Int.random(in: 0...1, using: &rng) == 0
        let up = split ? grid : [], down = split ? [] : grid
        let group = ThresholdGroup<Int>(rising: up, falling: down)
        #expect((split ? group.risingGrid : group.fallingGrid) != nil)
        var points = [-(1 << 60) + 1, (1 << 60) - 1, 0]
        for (t, _) in grid { points += [t - 1, t, t + 1] }
        for _ in 0..<20 { points.append(Int.random(in: (first - 2 * step)...(first + (count + 1) * step), using: &rng)) }
        for s in points where s.magnitude < 1 << 60 {
            #expect(group.value(at: s) == Self.definition(up, down, at: s), "s \(s) first \(first) step \(step) count \(count)")
        }
    }

    @Test("not a grid: repeated, uneven or too few thresholds are searched")
    func notGrids() {
        #expect(Int.grid([1, 1, 1]) == nil)
        #expect(Int.grid([1, 2, 4]) == nil)
        #expect(Int.grid([1, 2]) == nil)
        #expect(Int.grid([0, 3, 6, 9, 13]) == nil)
        #expect(Int.grid([-(1 << 62) - 1, 0, (1 << 62) - 1]) == nil)
        // Thresholds clamped to both ends: their difference 2^63 does not fit in an Int
        // (this trapped with an arithmetic overflow). No grid; searched instead.
        #expect(Int.grid([-(1 << 62), 1 << 62, 1 << 62]) == nil)
        #expect(Int.grid([-(1 << 62), 1 << 62]) == nil)
        #expect(Int.grid([-(1 << 62), 0, 1 << 62])?.step == 1 << 62)
        let clamped = [(-(1 << 62), 1), (1 << 62, 2), (1 << 62, 4)]
        let ends = ThresholdGroup<Int>(rising: clamped, falling: clamped)
        for s in [-(1 << 60) + 1, -1, 0, 1, (1 << 60) - 1] {
            #expect(ends.value(at: s) == Self.definition(clamped, clamped, at: s), "s \(s)")
        }
        let g = Int.grid([5, 8, 11, 14])
        #expect(g?.first == 5 && g?.step == 3)
        // Mixed: rising on a grid, falling not; both against the definition.
        let up = [(0, 2), (10, 3), (20, 5)], down = [(3, 7), (4, 1), (9, 4)]
        let group = ThresholdGroup<Int>(rising: up, falling: down)
        #expect(group.risingGrid != nil && group.fallingGrid == nil)
        for s in -3...25 { #expect(group.value(at: s) == Self.definition(up, down, at: s), "s \(s)") }
    }
}
