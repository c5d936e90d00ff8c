import Foundation

/// The search index, built the way Pagefind builds one, so that a reader downloads only what a query
/// needs:
///
/// - `tim-kiem/chi-muc/muc-luc.json`, the table of contents: the number of documents, the first term
///   of each term chunk and its name (`w` characters each, one after another), and the number of
///   documents in each fragment;
/// - `tim-kiem/chi-muc/tu/<name>.json`, term chunks: the sorted dictionary of folded terms, split by
///   prefix into small files, each term with its postings (document ids and weights, `SearchEncoding`);
///   a term on most pages keeps only its best-weighted `cap` postings, and the script finds the rest
///   of a query's results through its other words;
/// - `tim-kiem/chi-muc/trang/<n>.json`, fragments: the title, URL, section and the first
///   `textLimit` characters of the text of one or a few documents, fetched only for the results shown
///   (the script cuts the excerpt around the match). They are numbered, as a national site has more
///   than ten thousand documents and the table of contents would otherwise list as many names; the
///   script asks for them with `?v=` and a hash of them all, so that a browser's cache of an older
///   build is never mixed with a newer one.
///
/// Terms are single words and adjacent pairs ("~ha tang"), so that "ha tang" ranks the phrase
/// "hạ tầng" above scattered words. Weights put the name of a document (a page's title, a row's name)
/// above its headings and aliases, and those above its body. Documents of the site's own unit come
/// first among equals: they get the smallest ids, and the script breaks ties by id. File names are
/// content hashes and files are cut where their content says (a term or a document whose hash ends a
/// file), so a file whose content did not change keeps its name, and the same input gives the same bytes.
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
    static let chunkTarget = 4_000
    static let chunkLimit = 8_000
    /// Fragments hold documents up to this size, or one larger document.
    static let fragmentTarget = 2_500
    /// The text a result shows is cut from the first code points of its document's text.
    static let textLimit = 600
    /// Postings kept for a term: its best-weighted ones.
    static let cap = 1_000

    init(documents unordered: [Document]) {
        let documents = unordered.sorted { ($0.own ? 0 : 1, $0.key) < ($1.own ? 0 : 1, $1.key) }
        let weighted = Concurrent.map(documents) { Self.weights($0) }
        let (terms, lists) = Self.postings(weighted)
        let encoded = Concurrent.map(count: terms.count) { SearchEncoding.entry(terms[$0], lists[$0], cap: Self.cap) }
        var chunks: [(first: String, bytes: [UInt8])] = []
        var current: [UInt8] = []
        var first = ""
        for (term, bytes) in zip(terms, encoded) {
            let boundary = current.count >= Self.chunkLimit || (current.count >= Self.chunkTarget && Self.hash(term) % 4 == 0)
            if boundary, !current.isEmpty {
                chunks.append((first, current + [UInt8(ascii: "}"), 10]))
                current = []
                first = term
            }
            current += current.isEmpty ? [UInt8(ascii: "{")] : [UInt8(ascii: ",")]
            current += bytes
        }
        chunks.append((first, (current.isEmpty ? [UInt8(ascii: "{")] : current) + [UInt8(ascii: "}"), 10]))
        let fragmentBytes = Concurrent.map(documents) { Self.fragment($0) }
        var fragments: [(count: Int, bytes: [UInt8])] = []
        current = []
        var count = 0
        for bytes in fragmentBytes {
            if current.count + bytes.count > Self.fragmentTarget, !current.isEmpty {
                fragments.append((count, current + [UInt8(ascii: "]"), 10]))
                current = []
                count = 0
            }
            current += current.isEmpty ? [UInt8(ascii: "[")] : Array(",\n".utf8)
            current += bytes
            count += 1
        }
        if !current.isEmpty { fragments.append((count, current + [UInt8(ascii: "]"), 10])) }

        // Chunk names of 8 characters; more if two different chunks would share one.
        let digests = chunks.map { SearchEncoding.digest($0.bytes) }
        var width = 8
        var names = digests.map { SearchEncoding.name($0, width: width) }
        while width < 12, Set(names).count < names.count {
            width += 1
            names = digests.map { SearchEncoding.name($0, width: width) }
        }
        var counts: [UInt8] = []
        var version = ContentHasher()
        for fragment in fragments {
            SearchEncoding.append(UInt32(fragment.count), to: &counts)
            version.add(SearchEncoding.digest(fragment.bytes))
        }
        let firsts = chunks.map(\.first).joined(separator: ",")
        let contents =
            "{\"n\":\(documents.count),\"v\":\"\(SearchEncoding.name(version.digest, width: 8))\",\"w\":\(width),\n"
            + "\"k\":\(JSONText.string(firsts)),\n\"t\":\"\(names.joined())\",\n\"c\":\"\(String(decoding: counts, as: UTF8.self))\"}\n"
        for (chunk, name) in zip(chunks, names) {
            files.append(OutputFile(path: Self.directory + "tu/\(name).json", contents: chunk.bytes))
        }
        for (i, fragment) in fragments.enumerated() {
            files.append(OutputFile(path: Self.directory + "trang/\(i).json", contents: fragment.bytes))
        }
        files.append(OutputFile(path: Self.contentsPath, text: contents))
    }

    /// Every term of the documents, sorted, with its postings (`id << 8 | weight`, in id order). Terms
    /// are gathered in shards by hash, concurrently; each shard visits the documents in id order.
    static func postings(_ weighted: [Weighted]) -> (terms: [String], lists: [[UInt32]]) {
        let shardCount = min(8, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let shards = Concurrent.map(count: shardCount) { shard -> [(term: String, list: [UInt32])] in
            var slots = TermTable(capacity: 4_096)
            var entries: [(term: String, list: [UInt32])] = []
            for (id, document) in weighted.enumerated() {
                for term in document.terms where Int(term.hash % UInt64(shardCount)) == shard {
                    let posting = UInt32(id) << 8 | UInt32(term.weight)
                    if let slot = slots.find(term.hash, orInsert: entries.count) {
                        entries[slot].list.append(posting)
                    } else {
                        let text = String(decoding: document.bytes[Int(term.start)..<Int(term.end)], as: UTF8.self)
                        entries.append(((term.pair ? "~" : "") + text, [posting]))
                    }
                }
            }
            return entries
        }
        let all = shards.flatMap { $0 }.sorted { $0.term < $1.term }
        return (all.map(\.term), all.map(\.list))
    }

    /// FNV-1a of a text: where chunks may be cut, the same on every build.
    static func hash(_ text: String) -> UInt32 {
        var h: UInt32 = 2_166_136_261
        for byte in text.utf8 { h = (h ^ UInt32(byte)) &* 16_777_619 }
        return h
    }

    /// `{"t":title,"u":url,"s":section,"x":text}`.
    static func fragment(_ document: Document) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(document.title.utf8.count + document.url.utf8.count + document.section.utf8.count + 1_500)
        out += #"{"t":"#.utf8
        out += JSONText.string(document.title).utf8
        out += #","u":"#.utf8
        out += JSONText.string(document.url).utf8
        out += #","s":"#.utf8
        out += JSONText.string(document.section).utf8
        if !document.text.isEmpty {
            out += #","x":"#.utf8
            out += JSONText.string(SearchPageBuilder.excerpt(document.text, limit: Self.textLimit)).utf8
        }
        out.append(UInt8(ascii: "}"))
        return out
    }
}
