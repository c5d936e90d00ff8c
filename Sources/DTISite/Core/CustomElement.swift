/// A custom element written in Markdown on a line of its own, e.g.
/// `<dti-chart kind="rank" unit="lai-chau"></dti-chart>`; the renderer replaces it with site content.
struct CustomElement: Sendable, Hashable {
    var name: String
    var attributes: [String: String]

    static let knownNames: Set<String> = ["dti-chart", "dti-table"]

    /// Parses the raw HTML of a Markdown HTML node when it is exactly one known custom element.
    static func parse(_ html: String) -> CustomElement? {
        var text = Substring(html.trimmingCharacters(in: .whitespacesAndNewlines))
        guard text.hasPrefix("<") else { return nil }
        text = text.dropFirst()
        let name = String(text.prefix { $0.isLetter || $0.isNumber || $0 == "-" })
        guard knownNames.contains(name) else { return nil }
        text = text.dropFirst(name.count)
        var attributes: [String: String] = [:]
        while true {
            text = text.drop { $0.isWhitespace }
            if text.hasPrefix("/>") {
                text = text.dropFirst(2)
                break
            }
            if text.hasPrefix(">") {
                text = text.dropFirst()
                break
            }
            let key = String(text.prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
            guard !key.isEmpty else { return nil }
            text = text.dropFirst(key.count).drop { $0.isWhitespace }
            guard text.first == "=" else {
                attributes[key] = ""
                continue
            }
            text = text.dropFirst().drop { $0.isWhitespace }
            guard let quote = text.first, quote == "\"" || quote == "'" else { return nil }
            text = text.dropFirst()
            guard let end = text.firstIndex(of: quote) else { return nil }
            attributes[key.lowercased()] = String(text[..<end])
            text = text[text.index(after: end)...]
        }
        let rest = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard rest.isEmpty || rest == "</\(name)>" else { return nil }
        return CustomElement(name: name, attributes: attributes)
    }
}
