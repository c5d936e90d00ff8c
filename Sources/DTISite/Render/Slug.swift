import Foundation

/// Vietnamese text to a URL segment: "Nhận thức số" → "nhan-thuc-so", "Điện Biên" → "dien-bien".
/// Diacritic folding keeps đ, so it is mapped by hand. The result never contains "/" or "..",
/// which is what keeps paths made from user data inside the output directory.
public enum Slug {
    public static func make(_ text: String) -> String {
        let folded = text
            .replacingOccurrences(of: "đ", with: "d")
            .replacingOccurrences(of: "Đ", with: "d")
            .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            .lowercased()
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                pendingHyphen = false
                slug.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return slug
    }

    /// A key for matching names typed by people: "Lai Chau", "lai châu" and "Lai Châu" match.
    public static func matchKey(_ text: String) -> String {
        make(text)
    }
}
