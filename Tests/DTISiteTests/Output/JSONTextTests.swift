import Foundation
import Testing

@testable import DTISite

@Suite struct JSONTextTests {
    @Test func escapesAndRoundTrips() throws {
        let tricky = "Lai Châu \"x\" \\ </script>\n\t\u{01}\u{2028}"
        let json = JSONText.array(of: [[("title", tricky), ("url", "/cds/")]])
        #expect(!json.contains("</script>"))
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: String]]
        #expect(parsed?.first?["title"] == tricky)
        #expect(parsed?.first?["url"] == "/cds/")
    }
}
