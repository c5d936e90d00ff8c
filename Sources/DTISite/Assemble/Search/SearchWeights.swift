extension SearchIndex {
    /// A document's terms with their weights; the text of each term is a slice of `bytes` (two
    /// adjacent words are one slice, "a b"), made into a string only once for the whole index.
    struct Weighted: Sendable {
        var bytes: [UInt8] = []
        var terms: [(hash: UInt64, start: Int32, end: Int32, pair: Bool, weight: UInt8)] = []
    }

    /// FNV-1a (64 bit) of a folded word, as `SearchTerms.scan` hashes it.
    static func wordHash(_ word: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in word.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    /// Each term of a document with its weight: in the name 10 + 30 / (words of the name) — a short
    /// title that is the query wins —, in the context 6, in the body 1 to 4 with the count.
    static func weights(_ document: Document) -> Weighted {
        struct Seen {
            var hash: UInt64
            var start: Int32, end: Int32, pair: Bool
            var name = false, context = false, body = 0
        }
        let scans = [SearchTerms.scan(document.name), SearchTerms.scan(document.context), SearchTerms.scan(document.body)]
        // A word and a pair for each word at most: the table never grows.
        let most = scans.reduce(0) { $0 + 2 * ($1.words.count + $1.joined.count) }
        var table = TermTable(capacity: most)
        var seen: [Seen] = []
        seen.reserveCapacity(most)
        var result = Weighted()
        result.bytes.reserveCapacity(scans.reduce(0) { $0 + $1.bytes.count } + 64)
        var nameWords = 1
        for (field, fieldScan) in scans.enumerated() {
            var scan = fieldScan
            let offset = Int32(result.bytes.count)
            if field == 0 { nameWords = max(1, scan.words.count) }
            func mark(_ hash: UInt64, _ start: Int32, _ end: Int32, pair: Bool) {
                let i = table.find(hash, orInsert: seen.count) ?? seen.count
                if i == seen.count { seen.append(Seen(hash: hash, start: start, end: end, pair: pair)) }
                switch field {
                case 0: seen[i].name = true
                case 1: seen[i].context = true
                default: seen[i].body += 1
                }
            }
            // Joined abbreviations are appended to the bytes, each followed by a space.
            var extra: [(hash: UInt64, start: Int32, end: Int32, after: Int)] = []
            for joined in scan.joined {
                let start = Int32(scan.bytes.count)
                scan.bytes += Array(joined.word.utf8)
                extra.append((wordHash(joined.word), start, Int32(scan.bytes.count), joined.after))
                scan.bytes.append(UInt8(ascii: " "))
            }
            result.bytes += scan.bytes
            for (i, word) in scan.words.enumerated() {
                mark(word.hash, word.start + offset, word.end + offset, pair: false)
                if i > 0 {
                    let previous = scan.words[i - 1]
                    mark(SearchTerms.pairHash(previous.hash, word.hash), previous.start + offset, word.end + offset, pair: true)
                }
            }
            for joined in extra {
                mark(joined.hash, joined.start + offset, joined.end + offset, pair: false)
                guard joined.after >= 0 else { continue }
                // The pair "so tttt" is not one slice: its text is made here.
                let previous = scan.words[joined.after]
                let text = scan.word(joined.after) + " " + String(decoding: scan.bytes[Int(joined.start)..<Int(joined.end)], as: UTF8.self)
                let start = Int32(result.bytes.count)
                result.bytes += Array(text.utf8)
                mark(SearchTerms.pairHash(previous.hash, joined.hash), start, Int32(result.bytes.count), pair: true)
                result.bytes.append(UInt8(ascii: " "))
            }
        }
        result.terms.reserveCapacity(seen.count)
        for seen in seen {
            let weight = (seen.name ? 10 + 30 / nameWords : 0) + (seen.context ? 6 : 0) + (seen.body > 0 ? 1 + min(seen.body, 12) / 4 : 0)
            result.terms.append((seen.hash, seen.start, seen.end, seen.pair, UInt8(weight)))
        }
        return result
    }
}
