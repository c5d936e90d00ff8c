import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The CSVs of Content/data/ that are none of dtisite's own tables: published through a
/// `<dti-table src="…">` element in a Markdown page, or reported — a table nobody publishes is never
/// dropped silently.
enum PublishedTableRules {
    /// The tables dtisite reads itself.
    static let known: Set<String> = [
        "dti", "units", "indicators", "tasks", "targets", "agencies", "vneid", "groups", "aggregates"
    ]

    static func read(_ content: LoadedContent, into diagnostics: inout Diagnostics) -> [String: PublishedTable] {
        let sources = content.pillarSources + content.documentSources + content.pageSources + (content.homeSource.map { [$0] } ?? [])
        let referenced = Set(sources.flatMap { tableReferences(in: $0.body) })
        var tables: [String: PublishedTable] = [:]
        for (name, table) in content.tables.sorted(by: { $0.key < $1.key }) where !known.contains(name) {
            guard referenced.contains(name) else {
                diagnostics.warning(
                    SourceLocation(file: table.file),
                    "bảng này không phải bảng dtisite tự đọc (\(known.sorted().joined(separator: ", "))) và chưa trang nào đăng nó; để đăng, thêm <dti-table src=\"\(name).csv\" title=\"…\"></dti-table> vào một trang Markdown, hoặc đổi tên tệp nếu gõ nhầm"
                )
                continue
            }
            tables[name] = PublishedTable(name: name, file: table.file, header: table.header, rows: table.rows.map(\.fields))
        }
        return tables
    }

    /// The file names (without extension) that `<dti-table src="…">` elements of a Markdown text name.
    static func tableReferences(in markdown: String) -> [String] {
        // A scan of the bytes first (memchr for "<"): Foundation's String.contains runs through CFString,
        // and the generic firstRange(of:) walks the collection; both cost a noticeable part of a national build.
        var text = markdown
        let found = text.withUTF8 { bytes -> Bool in
            let needle = Array("<dti-table".utf8)
            guard let base = bytes.baseAddress, bytes.count >= needle.count else { return false }
            var offset = 0
            while offset <= bytes.count - needle.count {
                guard let hit = memchr(base + offset, Int32(needle[0]), bytes.count - offset - needle.count + 1) else { return false }
                let at = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                if (0..<needle.count).allSatisfy({ bytes[at + $0] == needle[$0] }) { return true }
                offset = at + 1
            }
            return false
        }
        guard found else { return [] }
        var names: [String] = []
        var rest = markdown[...]
        while let start = rest.range(of: "<dti-table") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(of: ">") else { break }
            let tag = "<dti-table" + rest[..<end] + ">"
            if let element = CustomElement.parse(tag), let src = element.attributes["src"] {
                names.append(tableName(src))
            }
        }
        return names
    }

    /// "phu-luc.csv" and "data/phu-luc.csv" name the table "phu-luc".
    static func tableName(_ src: String) -> String {
        var name = src
        if name.hasPrefix("data/") { name.removeFirst("data/".count) }
        if name.hasSuffix(".csv") { name.removeLast(".csv".count) }
        return name
    }
}
