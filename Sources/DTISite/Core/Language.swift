/// The language a site's pages are written in (`language` in site.toml). Vietnamese only for now: a new
/// case makes the compiler ask for its phrases (`Phrases.of`) and nothing else.
enum Language: String, Sendable, CaseIterable {
    case vi

    /// "vi", "VI", "vi-VN", "vi_VN" → .vi; nil for a language that has no phrases.
    init?(code: String) {
        let primary = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        self.init(rawValue: primary)
    }

    /// The codes site.toml accepts, for a message: "vi".
    static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
