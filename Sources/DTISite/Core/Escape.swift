/// Escaping for text from content files. Every value that came from a user goes through one of these
/// (or through a template's `{{ }}`, which uses the same function).
enum Escape {
    /// Text and attribute values in HTML and SVG/XML: & < > " ' are replaced; every character XML 1.0
    /// forbids is dropped: control characters other than tab and line breaks, U+FFFE and U+FFFF
    /// (lone surrogates cannot occur in a Swift string).
    /// Works on UTF-8 bytes and returns the text itself when nothing needs escaping (the usual case):
    /// it runs on every value of every page.
    static func html(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String? in
            guard bytes.contains(where: needsWork) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            escape(bytes, into: &out)
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    /// The same, appended to UTF-8 being built (SVG drawings are written as bytes).
    static func html(_ text: String, into out: inout [UInt8]) {
        var copy = text
        copy.withUTF8 { bytes in
            if bytes.contains(where: needsWork) {
                escape(bytes, into: &out)
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            switch byte {
            case UInt8(ascii: "&"): out += [0x26, 0x61, 0x6D, 0x70, 0x3B]  // &amp;
            case UInt8(ascii: "<"): out += [0x26, 0x6C, 0x74, 0x3B]  // &lt;
            case UInt8(ascii: ">"): out += [0x26, 0x67, 0x74, 0x3B]  // &gt;
            case UInt8(ascii: "\""): out += [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B]  // &quot;
            case UInt8(ascii: "'"): out += [0x26, 0x23, 0x33, 0x39, 0x3B]  // &#39;
            case 0x09, 0x0A, 0x0D: out.append(byte)
            case ..<0x20: continue
            // U+FFFE and U+FFFF (EF BF BE, EF BF BF): not characters, not allowed in XML 1.0.
            case 0xEF where i + 1 < bytes.count && bytes[i] == 0xBF && bytes[i + 1] >= 0xBE: i += 2
            default: out.append(byte)
            }
        }
    }

    @inline(__always)
    private static func needsWork(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): return true
        case 0x09, 0x0A, 0x0D: return false
        // First byte of U+F000…U+FFFF, among them U+FFFE and U+FFFF: rare, checked in the slow path.
        case 0xEF: return true
        default: return byte < 0x20
        }
    }

    /// XML (SVG) text and attributes: the same rules as HTML.
    static func xml(_ text: String) -> String { html(text) }
}
