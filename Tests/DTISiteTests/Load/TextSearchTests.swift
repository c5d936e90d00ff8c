import Foundation
import Testing

@testable import DTISite

@Suite struct TextSearchTests {
    @Test func containsBytesFindsTheNeedleAnywhereAndOnlyWhole() {
        #expect("abc <dti-table src=\"x\">".containsBytes(of: "<dti-table"))
        #expect("<dti-table".containsBytes(of: "<dti-table"), "the whole text")
        #expect("Hạ tầng <dti-tabl <dti-table".containsBytes(of: "<dti-table"), "after a partial match, at the very end")
        #expect(!"Hạ tầng <dti-tabl".containsBytes(of: "<dti-table"))
        #expect(!"<dti".containsBytes(of: "<dti-table"), "shorter than the needle")
        #expect("đổi số".containsBytes(of: "số") && !"đổi so".containsBytes(of: "số"), "on UTF-8 bytes")
    }
}
