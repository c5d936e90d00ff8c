/// Escaping for text from content files. Every value that came from a user goes through one of these
/// (or through Mustache's `{{ }}`, which escapes the same characters).
public enum Escape {
    /// Text and attribute values in HTML and SVG/XML: & < > " ' are replaced.
    public static func html(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newlines are not allowed in XML 1.0.
                if ch.value < 0x20, ch != "\t", ch != "\n", ch != "\r" { continue }
                out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// XML (SVG) text and attributes: the same rules as HTML.
    public static func xml(_ text: String) -> String { html(text) }
}
