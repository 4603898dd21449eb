import Testing
@testable import ExactArithmetic
@Test func smoke() { #expect(BigInt(2) + 2 == 4) }
