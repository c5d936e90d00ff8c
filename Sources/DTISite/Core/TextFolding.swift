/// Text as people mean it, whatever they typed: lower case, without diacritics, "đ" as "d", every space
/// as " " and every dash as "-". Used wherever a phrase of a plan is recognised (deadlines, statuses,
/// agency names).
enum TextFolding {

    /// Lower case without diacritics, "đ" as "d", every space as " " and every dash as "-": one character
    /// for each character of the text, so positions in the folded text are positions in the text.
    static func fold(_ c: Character) -> Character {
        if c.isASCII { return c.isUppercase ? Character(c.lowercased()) : c }
        if c.isWhitespace { return " " }
        switch c {
        case "đ", "Đ": return "d"
        case "–", "—", "−", "‐", "‑": return "-"
        default: break
        }
        if let first = String(c).decomposedStringWithCanonicalMapping.unicodeScalars.first, first.isASCII {
            return Character(String(first).lowercased())
        }
        return String(c).lowercased().first ?? c
    }

    /// `text` folded as `fold` does, spaces collapsed and trimmed: "  Đang  Thực hiện " → "dang thuc hien".
    static func fold(_ text: String) -> String {
        String(text.map(fold)).split(separator: " ").joined(separator: " ")
    }
}
