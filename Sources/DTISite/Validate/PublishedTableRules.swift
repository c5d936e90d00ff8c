import Foundation

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
        guard markdown.containsBytes(of: "<dti-table") else { return [] }
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
