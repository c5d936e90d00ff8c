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

    @Test func numbersTakeOneCharacterADigitOfBase32() {
        var out: [UInt8] = []
        let values: [UInt32] = [0, 1, 31, 32, 1_023, 1_024, 13_988, 4_000_000_000]
        for value in values { SearchEncoding.append(value, to: &out) }
        let text = String(decoding: out, as: UTF8.self)
        #expect(SearchEncoding.numbers(text[...].utf8) == values)
        #expect(text.hasPrefix("01VX0"))
        for digit in UInt32(0)..<32 {
            #expect(SearchEncoding.character(digit, last: true) == SearchEncoding.alphabet[Int(digit)])
            #expect(SearchEncoding.character(digit, last: false) == SearchEncoding.alphabet[32 + Int(digit)])
        }
    }

    @Test func postingsAreGroupedByWeightAndCutToTheBest() {
        // Ids 1…5; weights 3, 40, 3, 1, 40.
        let postings: [UInt32] = [1 << 8 | 3, 2 << 8 | 40, 3 << 8 | 3, 4 << 8 | 1, 5 << 8 | 40]
        let entry = String(decoding: SearchEncoding.entry("so", postings, cap: 10), as: UTF8.self)
        // Weight 40: ids 2, 5 (2, +3); weight 3: ids 1, 3 (1, +2); weight 1: id 4.
        let numbers = SearchEncoding.numbers(entry.dropFirst(6).utf8)
        #expect(entry.hasPrefix("\"so\":\"") && !entry.contains("!"))
        #expect(numbers == [40, 2, 2, 3, 3, 2, 1, 2, 1, 1, 4])
        let cut = String(decoding: SearchEncoding.entry("so", postings, cap: 3), as: UTF8.self)
        #expect(cut.hasPrefix("\"so\":\"!"))
        #expect(SearchEncoding.numbers(cut.utf8.dropFirst(6)[...]) == [40, 2, 2, 3, 3, 1, 1])
    }

    @Test func aTermOnEveryPageKeepsItsBestPostings() throws {
        let documents = (0..<(SearchIndex.cap + 200)).map { Self.document("Xã \($0)", body: "xã xã") }
        let files = SearchIndex(documents: documents).files
        let all = files.filter { $0.path.hasPrefix(SearchIndex.directory + "tu/") }.map { String(decoding: $0.contents, as: UTF8.self) }
        let entry = try #require(
            all.lazy.compactMap { text in text.range(of: "\"xa\":\"").map { range in text[range.upperBound...] } }.first)
        #expect(entry.hasPrefix("!"))
        let numbers = SearchEncoding.numbers(Substring(entry.prefix { $0 != "\"" }).utf8)
        // One weight (the name) and `cap` ids.
        #expect(numbers.count == 2 + SearchIndex.cap && numbers[1] == UInt32(SearchIndex.cap))
        let contents = try #require(files.first { $0.path == SearchIndex.contentsPath })
        #expect(contents.contents.count < 2_000)
    }

    @Test func theTermTableFindsWhatItStoredAndGrows() {
        var table = TermTable(capacity: 2)
        let keys: [UInt64] = (0..<1_000).map { SearchTerms.pairHash(UInt64($0), 7) } + [0]
        for (i, key) in keys.enumerated() { #expect(table.find(key, orInsert: i) == nil) }
        for (i, key) in keys.enumerated() { #expect(table.find(key, orInsert: -1) == i) }
        #expect(table.count == keys.count)
    }

    @Test func headingsAreTheLinesThatStartWithAHash() {
        #expect(SearchDocuments.headings("# Một\ntext # no\n## Hai\n\n#\n### Ba") == " Một\n Hai\n\n Ba\n")
        #expect(SearchDocuments.headings("") == "")
    }

    /// The folding table skips Foundation for everything but Latin letters: no other letter below
    /// U+2000 folds to a–z or 0–9.
    @Test func onlyLatinLettersFoldToLetters() {
        var checked = 0
        for value in 0x0250..<0x2000 where !(0x0300...0x036F).contains(value) && !(0x1E00..<0x1F00).contains(value) {
            guard let scalar = Unicode.Scalar(UInt32(value)), scalar.properties.isAlphabetic else { continue }
            checked += 1
            #expect(Slug.fold(scalar).isEmpty, "U+\(String(value, radix: 16)) folds to \(Slug.fold(scalar))")
        }
        #expect(checked > 1_000)
        #expect(SearchTerms.words("Ạ ḍ Ğ Ω").words == ["a", "d", "g"])
    }
}
