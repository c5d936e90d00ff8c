/// The compact text forms of the search index, read by assets/search.js and Benchmarks/search_bytes.py:
///
/// - numbers in base 32, most significant digit first, one character per digit: `0`–`9`, `A`–`V` for
///   the last digit of a number, `W`–`Z`, `a`–`z`, `-`, `_` for the digits before it (so 0–31 take one
///   character, up to 1,023 two, up to 32,767 three), with no separator between numbers;
/// - a term's postings as such numbers: groups of equal weight, the best first, each `weight count
///   id…` with each id the difference from the previous one in its group (the first from 0); a list
///   cut to its `cap` best postings starts with `!`;
/// - file names: 8 characters of a content hash in lower-case base 32 (names differ even on a file
///   system that ignores case).
enum SearchEncoding {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_".utf8)
    static let nameAlphabet = Array("0123456789abcdefghijklmnopqrstuv".utf8)

    static func append(_ value: UInt32, to out: inout [UInt8]) {
        var shift: UInt32 = 0
        while shift < 30, value >> (shift + 5) != 0 { shift += 5 }
        while shift > 0 {
            out.append(character(value >> shift & 31, last: false))
            shift -= 5
        }
        out.append(character(value & 31, last: true))
    }

    /// `alphabet[digit]` for the last digit, `alphabet[32 + digit]` before it, computed: this runs
    /// for every posting of a national site.
    @inline(__always)
    static func character(_ digit: UInt32, last: Bool) -> UInt8 {
        let d = UInt8(digit)
        if last { return d < 10 ? UInt8(ascii: "0") + d : UInt8(ascii: "A") + d - 10 }
        switch d {
        case 0...3: return UInt8(ascii: "W") + d
        case 4...29: return UInt8(ascii: "a") + d - 4
        case 30: return UInt8(ascii: "-")
        default: return UInt8(ascii: "_")
        }
    }

    /// The numbers of `append`, read back (for tests).
    static func numbers(_ text: Substring.UTF8View) -> [UInt32] {
        var values: [UInt32] = []
        var value: UInt32 = 0
        for byte in text {
            guard let digit = alphabet.firstIndex(of: byte) else { continue }
            value = value << 5 | UInt32(digit & 31)
            if digit < 32 {
                values.append(value)
                value = 0
            }
        }
        return values
    }

    /// `"term":"postings"`. `postings` are `id << 8 | weight`, in id order (required); above `cap` of them only
    /// the best-weighted are kept (the lowest ids among equals: the site's own unit first).
    static func entry(_ term: String, _ postings: [UInt32], cap: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(term.utf8.count + 8 + 2 * min(postings.count, cap) + 8)
        out += JSONText.string(term).utf8
        out += [UInt8(ascii: ":"), UInt8(ascii: "\"")]
        // Weight descending, id ascending (placed by weight: the postings are in id order); the first `cap`.
        var kept: [UInt32]
        if postings.count <= 32 {
            // Most terms are on a few pages: an insertion sort, stable, so equal weights keep id order.
            kept = postings
            for i in 1..<max(1, kept.count) {
                let posting = kept[i]
                var j = i
                while j > 0, kept[j - 1] & 0xFF < posting & 0xFF {
                    kept[j] = kept[j - 1]
                    j -= 1
                }
                kept[j] = posting
            }
        } else {
            kept = Self.placedByWeight(postings)
        }
        if kept.count > cap {
            out.append(UInt8(ascii: "!"))
            kept.removeSubrange(cap...)
        }
        var i = 0
        while i < kept.count {
            let weight = kept[i] & 0xFF
            var end = i
            while end < kept.count, kept[end] & 0xFF == weight { end += 1 }
            append(weight, to: &out)
            append(UInt32(end - i), to: &out)
            var previous: UInt32 = 0
            for posting in kept[i..<end] {
                append((posting >> 8) - previous, to: &out)
                previous = posting >> 8
            }
            i = end
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// Postings (in id order) placed by weight, the best first: a counting sort on the 256 weights.
    static func placedByWeight(_ postings: [UInt32]) -> [UInt32] {
        var kept = [UInt32](repeating: 0, count: postings.count)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { next in
            next.initialize(repeating: 0)
            for posting in postings { next[Int(posting & 0xFF)] += 1 }
            var offset = 0
            for weight in (0..<256).reversed() {
                let count = next[weight]
                next[weight] = offset
                offset += count
            }
            for posting in postings {
                kept[next[Int(posting & 0xFF)]] = posting
                next[Int(posting & 0xFF)] += 1
            }
        }
        return kept
    }

    /// A hash of a file's bytes, for its name.
    static func digest(_ bytes: [UInt8]) -> UInt64 {
        var hasher = ContentHasher()
        bytes.withUnsafeBytes { hasher.add($0) }
        return hasher.digest
    }

    /// A file's name: `width` characters (8, more after a collision) of the hash of its bytes.
    static func name(_ digest: UInt64, width: Int) -> String {
        var digest = digest
        var out: [UInt8] = []
        for _ in 0..<width {
            out.append(nameAlphabet[Int(digest & 31)])
            digest >>= 5
        }
        return String(decoding: out, as: UTF8.self)
    }
}
