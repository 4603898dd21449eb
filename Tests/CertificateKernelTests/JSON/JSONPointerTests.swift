import Testing
@testable import CertificateKernel

/// RFC 6901 pointers.
@Suite("JSON pointer")
struct JSONPointerTests {
    @Test("tokens are escaped as RFC 6901 says: ~ as ~0, / as ~1")
    func escaping() {
        #expect(JSONPointer.root.appending("a/b").description == "/a~1b")
        #expect(JSONPointer.root.appending("m~n").description == "/m~0n")
        #expect(JSONPointer.root.appending("~1").description == "/~01")
        #expect(JSONPointer.root.appending("/~").description == "/~1~0")
        #expect(JSONPointer.root.appending("").description == "/")
        #expect(JSONPointer.root.appending("é €").description == "/é €")
        let claim = JSONPointer.root.appending("claims").appending(3).appending("id")
        #expect(claim.description == "/claims/3/id")
        #expect(claim.tokens == ["claims", "3", "id"])
    }

    @Test("the root prints as the empty string, and as / for messages")
    func root() {
        #expect(JSONPointer.root.description == "")
        #expect(JSONPointer.root.display == "/")
        #expect(JSONPointer.root.isRoot)
        #expect(JSONPointer().isRoot)
        #expect(JSONPointer.root.appending(0).display == "/0")
        #expect(!JSONPointer.root.appending(0).isRoot)
    }

    @Test("an index and the key of the same digits are the same pointer")
    func indexAndKey() {
        #expect(JSONPointer.root.appending(12) == JSONPointer.root.appending("12"))
        #expect(JSONPointer.root.appending("a") != JSONPointer.root.appending("b"))
        let set: Set<JSONPointer> = [JSONPointer.root.appending(1), JSONPointer.root.appending("1")]
        #expect(set.count == 1)
    }

    @Test("pointer text parses back to its tokens")
    func parsing() {
        #expect(JSONPointer("") == .root)
        #expect(JSONPointer("/")?.tokens == [""])
        #expect(JSONPointer("/a~1b/m~0n/0")?.tokens == ["a/b", "m~n", "0"])
        #expect(JSONPointer("/~01")?.tokens == ["~1"])
        #expect(JSONPointer("//x/")?.tokens == ["", "x", ""])
        #expect(JSONPointer("a") == nil)
        #expect(JSONPointer("/~") == nil)
        #expect(JSONPointer("/~2") == nil)
        #expect(JSONPointer("/a~") == nil)
        for tokens in [["a/b", "m~n", "0"], ["~0~1/", "", "é"], []] {
            let pointer = JSONPointer(tokens: tokens)
            #expect(JSONPointer(pointer.description) == pointer)
        }
    }
}
