import Foundation

/// A word a source document misspells ("Phần đầu" for "Phấn đấu", "VniED" for "VNeID"). The site shows
/// the text as the document writes it and marks the word "[sic]", so a reader knows the spelling is the
/// source's, not the site's.
struct SourceTypo: Sendable, Hashable {
    /// The spelling of the source, as it appears in the text.
    var written: String
    /// What the source meant, when the editor gives it.
    var meant: String?

    static let mark = " [sic]"

    /// `Phần đầu=Phấn đấu; VniED=VNeID`: each entry a spelling of the text, with what it means after `=`.
    static func list(_ cell: String) -> [SourceTypo] {
        cell.split(separator: ";").compactMap { entry in
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let written = parts.first, !written.isEmpty else { return nil }
            return SourceTypo(written: written, meant: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
        }
    }

    /// The text with "[sic]" after every occurrence of each typo: "Phần đầu [sic] kinh tế số…".
    static func marked(_ text: String, _ typos: [SourceTypo]) -> String {
        var out = text
        for typo in typos where !typo.written.isEmpty {
            var result = ""
            var rest = Substring(out)
            while let range = rest.range(of: typo.written) {
                result += rest[..<range.upperBound]
                if !rest[range.upperBound...].hasPrefix(mark) { result += mark }
                rest = rest[range.upperBound...]
            }
            out = result + rest
        }
        return out
    }
}
