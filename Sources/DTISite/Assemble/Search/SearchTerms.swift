/// The words of the search index: text folded as people type it — lower case, without tones and
/// marks, "đ" as "d" — and cut into words at anything that is not a letter or a digit. A word written
/// with "&" or "." between letters ("TT&TT", "TP.HCM") is also kept joined ("tttt", "tphcm"), since
/// readers type abbreviations both ways. assets/search.js folds a query the same way.
///
/// The scan works on UTF-8 bytes with a table of folded letters: it runs over every word of a
/// national site.
enum SearchTerms {
    /// A text's folded words, one space between them in `bytes` (so two adjacent words are one slice),
    /// each with a 64-bit hash; and the joined forms of abbreviations, after the word they follow.
    struct Scan {
        var bytes: [UInt8] = []
        var words: [(start: Int32, end: Int32, hash: UInt64)] = []
        var joined: [(after: Int, word: String)] = []

        func word(_ i: Int) -> String { String(decoding: bytes[Int(words[i].start)..<Int(words[i].end)], as: UTF8.self) }
    }

    /// The state of a scan: the folded bytes written so far, the word being read and the parts of an
    /// abbreviation. It writes into a buffer of the text's length + 1: each letter comes from at least
    /// one byte of the text, and each space after a word from the separator that ended it (or the end).
    private struct Scanner {
        let out: UnsafeMutablePointer<UInt8>
        var length = 0
        var words: [(start: Int32, end: Int32, hash: UInt64)] = []
        var joined: [(after: Int, word: String)] = []
        var start = 0
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        /// The words of an abbreviation being read ("tt", "tt" of "tt&tt").
        var parts = 0

        mutating func endWord() {
            guard length > start else { return }
            words.append((Int32(start), Int32(length), hash))
            out[length] = UInt8(ascii: " ")
            length += 1
            start = length
            parts += 1
            hash = 0xCBF2_9CE4_8422_2325
        }

        mutating func endCompound() {
            endWord()
            if parts > 1 {
                let first = words.count - parts
                var compound: [UInt8] = []
                for i in first..<words.count {
                    compound += UnsafeBufferPointer(start: out + Int(words[i].start), count: Int(words[i].end - words[i].start))
                }
                joined.append((after: first - 1, word: String(decoding: compound, as: UTF8.self)))
            }
            parts = 0
        }

        mutating func letter(_ byte: UInt8) {
            out[length] = byte
            length += 1
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
        }
    }

    static func scan(_ text: String) -> Scan {
        var copy = text
        return copy.withUTF8 { utf8 in
            Self.table.withUnsafeBufferPointer { table in
                var result = Scan()
                result.bytes = [UInt8](unsafeUninitializedCapacity: utf8.count + 1) { buffer, initialized in
                    var s = Scanner(out: buffer.baseAddress!)
                    s.words.reserveCapacity(utf8.count / 4)
                    let count = utf8.count
                    var i = 0
                    while i < count {
                        let byte = utf8[i]
                        i += 1
                        var value: UInt32
                        if byte < 0x80 {
                            switch byte {
                            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): s.letter(byte)
                            case UInt8(ascii: "A")...UInt8(ascii: "Z"): s.letter(byte + 32)
                            case UInt8(ascii: "&"), UInt8(ascii: "."):
                                // A joiner inside a word: "TT&TT". Anywhere else it ends the abbreviation.
                                if s.length > s.start {
                                    s.endWord()
                                } else {
                                    s.endCompound()
                                }
                            default: s.endCompound()
                            }
                            continue
                        } else if byte >= 0xC0, byte < 0xE0, i < count {
                            value = UInt32(byte & 0x1F) << 6 | UInt32(utf8[i] & 0x3F)
                            i += 1
                        } else if byte >= 0xE0, byte < 0xF0, i + 1 < count {
                            value = UInt32(byte & 0x0F) << 12 | UInt32(utf8[i] & 0x3F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                            i += 2
                        } else {
                            if byte >= 0xF0 { i = min(count, i + 3) }
                            s.endCompound()
                            continue
                        }
                        let folded = value < table.count ? table[Int(value)] : 0
                        switch folded {
                        case 0: s.endCompound()
                        case 1: continue  // a combining mark: the letter goes on
                        default: s.letter(folded)
                        }
                    }
                    s.endCompound()
                    initialized = s.length
                    result.words = s.words
                    result.joined = s.joined
                }
                return result
            }
        }
    }

    /// The hash of two adjacent words as one term, distinct from the hash of any word.
    static func pairHash(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var h = a &* 0x9E37_79B9_7F4A_7C15 ^ (b << 31 | b >> 33) ^ 0x5555_5555_5555_5555
        h ^= h >> 29
        return h &* 0xBF58_476D_1CE4_E5B9
    }

    /// The folded form of U+0000…U+1FFF: 0 for a separator, 1 for a combining mark, else the ASCII
    /// letter ("ệ" → "e", "Đ" → "d"). Made once from Slug's folding.
    static let table: [UInt8] = (0..<0x2000).map { value in
        if (0x0300...0x036F).contains(value) { return 1 }
        // Only Latin letters fold to a letter a–z (`SearchIndexTests` checks every other one): the rest
        // need not go through Foundation's folding, which took 1 % of a national build.
        guard value < 0x0250 || (0x1E00..<0x1F00).contains(value) else { return 0 }
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
        if value < 0x80 {
            let byte = UInt8(value)
            if (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                return byte
            }
            if (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) { return byte + 32 }
            return 0
        }
        guard scalar.properties.isAlphabetic, let first = Slug.fold(scalar).first else { return 0 }
        return first
    }

    /// A text's words, folded: "Sở TT&TT" → ["so", "tt", "tt"] (and "tttt" joined).
    static func words(_ text: String) -> (words: [String], joined: [String]) {
        let scan = scan(text)
        return ((0..<scan.words.count).map(scan.word), scan.joined.map(\.word))
    }
}
