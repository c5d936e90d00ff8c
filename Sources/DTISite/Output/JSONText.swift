/// Writes JSON text for the simple shapes dtisite publishes (arrays of string-valued objects), faster
/// than JSONSerialization on Linux for the search index of a national site. Escapes per RFC 8259,
/// plus "<" so the text can never close a script element.
enum JSONText {
    static func string(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `[{"k": "v", …}, …]` with keys in the given order.
    static func array(of objects: [[(String, String)]]) -> String {
        "[" + objects.map { object in
            "{" + object.map { string($0.0) + ":" + string($0.1) }.joined(separator: ",") + "}"
        }.joined(separator: ",\n") + "]\n"
    }
}
