import Foundation
import Testing

@testable import DTISite

@Suite struct SearchIndexTests {
    @Test func wordsAreFoldedWithoutTonesAndWithDAsD() {
        let words = SearchTerms.words("Hạ tầng SỐ, Điện Biên — Sở TT&TT")
        #expect(words.words == ["ha", "tang", "so", "dien", "bien", "so", "tt", "tt"])
        #expect(words.joined == ["tttt"])
        #expect(SearchTerms.words("TT. Phố Ràng").joined == [])
        // Combining marks (text not in NFC) are dropped too.
        #expect(SearchTerms.words("Ha\u{0323} ta\u{0302}\u{0300}ng").words == ["ha", "tang"])
    }

    static func document(_ title: String, body: String = "", own: Bool = true) -> SearchIndex.Document {
        SearchIndex.Document(
            title: title, url: "/" + Slug.make(title) + "/", section: "Trang", name: title, context: "", body: body, text: body, own: own,
            key: title)
    }

    @Test func theIndexIsSplitAndDeterministic() throws {
        let documents = (0..<300).map { Self.document("Văn bản số \($0)", body: String(repeating: "hạ tầng số \($0) dữ liệu ", count: 20)) }
        let first = SearchIndex(documents: documents).files
        let second = SearchIndex(documents: documents.reversed()).files
        #expect(first == second)
        let chunks = first.filter { $0.path.hasPrefix(SearchIndex.directory + "tu/") }
        let fragments = first.filter { $0.path.hasPrefix(SearchIndex.directory + "trang/") }
        #expect(chunks.count > 1 && fragments.count > 1)
        let contents = try #require(first.first { $0.path == SearchIndex.contentsPath })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contents.contents)) as? [String: Any])
        #expect(json["n"] as? Int == 300)
        // The pair of adjacent words is a term of its own.
        let all = chunks.map { String(decoding: $0.contents, as: UTF8.self) }.joined()
        #expect(all.contains("\"~ha tang\":"))
    }

    @Test func titlesWeighMoreThanBodies() {
        let title = SearchIndex.weights(Self.document("Hạ tầng số"))
        let body = SearchIndex.weights(Self.document("Kế hoạch năm 2025", body: "hạ tầng số"))
        func weight(_ w: SearchIndex.Weighted, _ term: String) -> Int {
            w.terms.first { String(decoding: w.bytes[Int($0.start)..<Int($0.end)], as: UTF8.self) == term }.map { Int($0.weight) } ?? 0
        }
        #expect(weight(title, "tang") > weight(body, "tang"))
        #expect(weight(title, "ha tang") > 0)
    }
}
