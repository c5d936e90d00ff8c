import Foundation

/// Vietnamese text to a URL segment: "Nhận thức số" → "nhan-thuc-so", "Điện Biên" → "dien-bien".
/// Diacritic folding keeps đ, so it is mapped by hand. The result never contains "/" or "..",
/// which is what keeps paths made from user data inside the output directory.
enum Slug {
    static func make(_ text: String) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        var pendingHyphen = false
        func append(_ byte: UInt8) {
            if pendingHyphen, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
            pendingHyphen = false
            slug.append(byte)
        }
        // Code points, not grapheme clusters: a combining mark (text not in NFC) is a diacritic to drop.
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let ascii = UInt8(scalar.value)
                switch ascii {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): append(ascii)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): append(ascii + 32)
                default: pendingHyphen = true
                }
                continue
            }
            if (0x0300...0x036F).contains(scalar.value) { continue }
            let folded = fold(scalar)
            if folded.isEmpty { pendingHyphen = true } else { folded.forEach(append) }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// Letters with diacritics → ASCII letters ("ệ" → "e", "Đ" → "d"); other characters → nothing.
    /// Vietnamese letters are looked up in a table made once; the rest goes through Foundation's folding.
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8] {
        if let known = vietnamese[scalar] { return known }
        return foldWithFoundation(String(scalar))
    }

    private static func foldWithFoundation(_ text: String) -> [UInt8] {
        let text = text.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .lowercased()
        return text.utf8.filter {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0)
        }
    }

    private static let vietnamese: [Unicode.Scalar: [UInt8]] = {
        let letters = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
        var table: [Unicode.Scalar: [UInt8]] = [:]
        for letter in (letters + letters.uppercased()).precomposedStringWithCanonicalMapping.unicodeScalars {
            table[letter] = foldWithFoundation(String(letter))
        }
        return table
    }()

    /// A key for matching names typed by people: "Lai Chau", "lai châu" and "Lai Châu" match.
    static func matchKey(_ text: String) -> String {
        make(text)
    }
}
