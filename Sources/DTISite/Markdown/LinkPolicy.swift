/// Which URLs a Markdown link may carry, and how site-internal ones are written.
enum LinkPolicy {
    static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// Returns the URL to emit: "" for a dangerous one (javascript:, data:, vbscript:, file: …),
    /// the base path prepended to a root-relative one ("/tru-cot/x/" → "/cds/tru-cot/x/"), others unchanged.
    static func rewrite(_ url: String, basePath: String) -> String {
        let needsTrim = url.utf8.first.map { $0 <= 0x20 } ?? false || url.utf8.last.map { $0 <= 0x20 } ?? false
        let trimmed = needsTrim ? url.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters)) : url
        if trimmed.hasPrefix("//") { return trimmed }
        if trimmed.hasPrefix("/") {
            return basePath.hasSuffix("/") ? basePath + trimmed.dropFirst() : basePath + trimmed
        }
        if let colon = trimmed.firstIndex(of: ":") {
            let beforeColon = trimmed[..<colon]
            // A colon after "/", "?" or "#" is part of a relative path, not a scheme.
            if !beforeColon.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
                let scheme = beforeColon.lowercased().filter { !$0.isWhitespace }
                return allowedSchemes.contains(scheme) ? trimmed : ""
            }
        }
        return trimmed
    }
}
