/// The search index, built the way Pagefind builds one, so that a reader downloads only what a query
/// needs:
///
/// - `tim-kiem/chi-muc/muc-luc.json`, the table of contents: the number of documents, the first term
///   of each term chunk and the first document of each fragment, with the file names;
/// - `tim-kiem/chi-muc/tu/<hash>.json`, term chunks: the sorted dictionary of folded terms, split by
///   prefix into small files, each term with its postings (document ids and weights);
/// - `tim-kiem/chi-muc/trang/<hash>.json`, fragments: the title, URL, section and text of a few
///   documents, fetched only for the results shown (the script cuts the excerpt around the match).
///
/// Terms are single words and adjacent pairs ("~ha tang"), so that "ha tang" ranks the phrase
/// "hạ tầng" above scattered words. Weights put the name of a document (a page's title, a row's name)
/// above its headings and aliases, and those above its body. Documents of the site's own unit come
/// first among equals: they get the smallest ids, and the script breaks ties by id. File names are
/// content hashes: a file that did not change keeps its name, and the same input gives the same bytes.
struct SearchIndex {
    /// One searchable thing: a page, or a row of a table that points to its page and anchor.
    struct Document: Sendable {
        var title: String
        var url: String
        var section: String
        /// Weighted as a title: the page's title, the row's name.
        var name: String
        /// Weighted as a heading: the description, headings, aliases, short names.
        var context: String
        var body: String
        /// Shown under the result; the excerpt is cut from it around the match.
        var text: String
        /// About the site's own unit: first among equals.
        var own: Bool
        /// Orders documents of the same kind: the path, then the row.
        var key: String
    }

    var files: [OutputFile] = []
    static let directory = "tim-kiem/chi-muc/"
    static let contentsPath = directory + "muc-luc.json"

    /// Term chunks are cut near this size, and never above `chunkLimit` unless one term is larger.
    static let chunkTarget = 6_000
    static let chunkLimit = 20_000
    static let fragmentTarget = 1_500
    static let fragmentLimit = 6_000

    init(documents unordered: [Document]) {
        let documents = unordered.sorted { ($0.own ? 0 : 1, $0.key) < ($1.own ? 0 : 1, $1.key) }
        let weighted = Concurrent.map(documents) { Self.weights($0) }
        // Postings in id order: documents are visited in id order.
        var slots: [UInt64: Int] = [:]
        var names: [String] = []
        var lists: [[UInt32]] = []
        for (id, document) in weighted.enumerated() {
            for term in document.terms {
                let posting = UInt32(id) << 8 | UInt32(term.weight)
                if let slot = slots[term.hash] {
                    lists[slot].append(posting)
                } else {
                    slots[term.hash] = names.count
                    names.append((term.pair ? "~" : "") + String(decoding: document.bytes[Int(term.start)..<Int(term.end)], as: UTF8.self))
                    lists.append([posting])
                }
            }
        }
        // Postings within a list are in id order already; a document's terms are not, so sort them.
        let order = names.indices.sorted { names[$0] < names[$1] }
        let terms = order.map { names[$0] }
        let sortedLists = order.map { lists[$0] }
        let encoded = Concurrent.map(count: terms.count) { Self.encode(terms[$0], sortedLists[$0]) }
        var chunks: [(first: String, bytes: [UInt8])] = []
        var current: [UInt8] = []
        var first = ""
        for (term, bytes) in zip(terms, encoded) {
            let boundary = current.count >= Self.chunkLimit || (current.count >= Self.chunkTarget && Self.hash(term) % 4 == 0)
            if boundary, !current.isEmpty {
                chunks.append((first, current))
                current = []
                first = term
            }
            current += current.isEmpty ? [UInt8(ascii: "{")] : [UInt8(ascii: ",")]
            current += bytes
        }
        if !current.isEmpty || chunks.isEmpty { chunks.append((first, current.isEmpty ? [UInt8(ascii: "{")] : current)) }
        let fragmentBytes = Concurrent.map(documents) { Self.fragment($0) }
        var fragments: [(start: Int, bytes: [UInt8])] = []
        current = []
        var start = 0
        for (id, bytes) in fragmentBytes.enumerated() {
            let boundary =
                current.count >= Self.fragmentLimit
                || (current.count >= Self.fragmentTarget && Self.hash(documents[id].key) % 4 == 0)
            if boundary, !current.isEmpty {
                fragments.append((start, current + [UInt8(ascii: "]"), 10]))
                current = []
                start = id
            }
            current += current.isEmpty ? [UInt8(ascii: "[")] : Array(",\n".utf8)
            current += bytes
        }
        if !current.isEmpty { fragments.append((start, current + [UInt8(ascii: "]"), 10])) }

        var contents = "{\"n\":\(documents.count),\n\"t\":["
        var written: Set<String> = []
        for (i, chunk) in chunks.enumerated() {
            let bytes = chunk.bytes + [UInt8(ascii: "}"), 10]
            let name = Self.name(bytes)
            contents += (i == 0 ? "" : ",") + "[\(JSONText.string(chunk.first)),\"\(name)\"]"
            if written.insert("tu/" + name).inserted { files.append(OutputFile(path: Self.directory + "tu/\(name).json", contents: bytes)) }
        }
        contents += "],\n\"p\":["
        for (i, fragment) in fragments.enumerated() {
            let name = Self.name(fragment.bytes)
            contents += (i == 0 ? "" : ",") + "[\(fragment.start),\"\(name)\"]"
            if written.insert("trang/" + name).inserted {
                files.append(OutputFile(path: Self.directory + "trang/\(name).json", contents: fragment.bytes))
            }
        }
        contents += "]}\n"
        files.append(OutputFile(path: Self.contentsPath, text: contents))
    }

    /// A file's name: a hash of its bytes (12 hex digits).
    static func name(_ bytes: [UInt8]) -> String {
        var hasher = ContentHasher()
        bytes.withUnsafeBytes { hasher.add($0) }
        let hex = hasher.hex
        return String((String(repeating: "0", count: max(0, 16 - hex.count)) + hex).prefix(12))
    }

    /// FNV-1a of a text: where chunks may be cut, the same on every build.
    static func hash(_ text: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for byte in text.utf8 { h = (h ^ UInt32(byte)) &* 16_777_619 }
        return h
    }

    /// `"term":[id,weight,Δid,weight,…]`, ids as differences from the previous one.
    static func encode(_ term: String, _ postings: [UInt32]) -> [UInt8] {
        var out = Array(JSONText.string(term).utf8)
        out += [UInt8(ascii: ":"), UInt8(ascii: "[")]
        var previous: UInt32 = 0
        for (i, posting) in postings.enumerated() {
            let id = posting >> 8
            if i > 0 { out.append(UInt8(ascii: ",")) }
            append(id - previous, to: &out)
            out.append(UInt8(ascii: ","))
            append(posting & 0xFF, to: &out)
            previous = id
        }
        out.append(UInt8(ascii: "]"))
        return out
    }

    static func append(_ number: UInt32, to out: inout [UInt8]) {
        if number >= 10 { append(number / 10, to: &out) }
        out.append(UInt8(ascii: "0") + UInt8(number % 10))
    }

    /// `{"t":title,"u":url,"s":section,"x":text}`.
    static func fragment(_ document: Document) -> [UInt8] {
        var parts = "{\"t\":" + JSONText.string(document.title) + ",\"u\":" + JSONText.string(document.url)
        parts += ",\"s\":" + JSONText.string(document.section)
        if !document.text.isEmpty { parts += ",\"x\":" + JSONText.string(document.text) }
        return Array((parts + "}").utf8)
    }

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
            var start: Int32, end: Int32, pair: Bool
            var name = false, context = false, body = 0
        }
        var seen: [UInt64: Seen] = [:]
        var result = Weighted()
        var nameWords = 1
        for (field, text) in [document.name, document.context, document.body].enumerated() {
            var scan = SearchTerms.scan(text)
            let offset = Int32(result.bytes.count)
            if field == 0 { nameWords = max(1, scan.words.count) }
            func mark(_ hash: UInt64, _ start: Int32, _ end: Int32, pair: Bool) {
                var entry = seen[hash] ?? Seen(start: start, end: end, pair: pair)
                switch field {
                case 0: entry.name = true
                case 1: entry.context = true
                default: entry.body += 1
                }
                seen[hash] = entry
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
        for (hash, seen) in seen {
            let weight = (seen.name ? 10 + 30 / nameWords : 0) + (seen.context ? 6 : 0) + (seen.body > 0 ? 1 + min(seen.body, 12) / 4 : 0)
            result.terms.append((hash, seen.start, seen.end, seen.pair, UInt8(weight)))
        }
        return result
    }
}
