import Foundation

/// Rendered HTML → plain text, for the search index and page excerpts.
enum PlainText {
    /// Text of rendered HTML without tags and with runs of white space collapsed, for the search
    /// index. Works on UTF-8 bytes: it runs over every page of a national site.
    static func of(_ html: String) -> String {
        var source = html
        if source.isEmpty { return "" }
        return source.withUTF8 { bytes -> String in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var inTag = false, pendingSpace = false
                var i = 0
                let n = bytes.count
                let base = bytes.baseAddress!
                while i < n {
                    if inTag {
                        // Skip the tag at once: tags are a good part of the bytes of rendered HTML.
                        guard let end = memchr(base + i, Int32(UInt8(ascii: ">")), n - i) else { break }
                        i = base.distance(to: end.assumingMemoryBound(to: UInt8.self)) + 1
                        inTag = false
                        pendingSpace = true
                        continue
                    }
                    let byte = bytes[i]
                    i += 1
                    switch byte {
                    case UInt8(ascii: "<"): inTag = true
                    case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): pendingSpace = true
                    default:
                        if pendingSpace, count > 0 {
                            out[count] = UInt8(ascii: " ")
                            count += 1
                        }
                        pendingSpace = false
                        if byte == UInt8(ascii: "&"), let (decoded, length) = Self.entity(bytes, at: i - 1) {
                            out[count] = decoded
                            count += 1
                            i += length - 1
                            continue
                        }
                        out[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// The five entities dtisite's own escaping writes, decoded; anything else stays as it is.
    private static func entity(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (UInt8, Int)? {
        func matches(_ name: StaticString) -> Bool {
            let length = name.utf8CodeUnitCount
            guard start + length <= bytes.count else { return false }
            return name.withUTF8Buffer { pattern in
                (0..<length).allSatisfy { bytes[start + $0] == pattern[$0] }
            }
        }
        if matches("&amp;") { return (UInt8(ascii: "&"), 5) }
        if matches("&lt;") { return (UInt8(ascii: "<"), 4) }
        if matches("&gt;") { return (UInt8(ascii: ">"), 4) }
        if matches("&quot;") { return (UInt8(ascii: "\""), 6) }
        if matches("&#39;") { return (UInt8(ascii: "'"), 5) }
        return nil
    }
}
