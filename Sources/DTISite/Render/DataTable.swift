import Foundation

/// A table shown on a page and offered for download: the same rows give the HTML table (formatted in
/// Vietnamese), the CSV and the JSON (machine formats), so the three never disagree.
struct DataTable: Sendable {
    enum Kind: String, Sendable { case text, integer, decimal, percent }

    struct Column: Sendable {
        var key: String
        var title: String
        var kind: Kind
        /// Decimals shown on the page.
        var fractionDigits: Int

        init(_ key: String, _ title: String, _ kind: Kind = .text, fractionDigits: Int = 0) {
            self.key = key
            self.title = title
            self.kind = kind
            self.fractionDigits = fractionDigits
        }
    }

    enum Cell: Sendable, Hashable {
        case text(String)
        case number(Decimal)
        case missing
        /// A figure over a group that cannot be given because the data is partial (an average of the few
        /// units known would not be the group's): "chưa đủ số liệu".
        case insufficient

        /// An average or best over a group: nil when there is no group (not published), `insufficient`
        /// when the group's data is partial.
        static func aggregate(_ value: Decimal??) -> Cell {
            switch value {
            case .none: return .missing
            case .some(.none): return .insufficient
            case .some(.some(let number)): return .number(PublishedRounding.index(number))
            }
        }

        static func int(_ value: Int?) -> Cell { value.map { .number(Decimal($0)) } ?? .missing }
        static func decimal(_ value: Decimal?) -> Cell { value.map { .number($0) } ?? .missing }
        static func string(_ value: String?) -> Cell { value.map { .text($0) } ?? .missing }
    }

    /// Used in file names: /du-lieu/<id>.csv.
    var id: String
    var title: String
    var columns: [Column]
    var rows: [[Cell]]
    /// Row index → a link for the first cell (the unit's page, …) and whether to emphasise the row.
    var links: [Int: String] = [:]
    var highlighted: Set<Int> = []
    /// A second linked column: row index → URL for the cell in `linkColumn`.
    var linkColumn: Int?
    var columnLinks: [Int: String] = [:]
    var source: String?
    /// Sortable on the page by `assets/sap-xep.js`: headers get `data-sort`, cells their machine value
    /// in `data-value` (empty for a missing value, which the script sorts last in both directions).
    var sortable = false

    init(id: String, title: String, columns: [Column], rows: [[Cell]], source: String? = nil) {
        self.id = id
        self.title = title
        self.columns = columns
        self.rows = rows
        self.source = source
    }

    /// Text a reader sees: "0,7056", "1.234", "60,5%", "chưa công bố".
    static func display(_ cell: Cell, column: Column, phrases: SitePhrases) -> String {
        switch cell {
        case .missing: return phrases.missing
        case .insufficient: return phrases.insufficient
        case .text(let text): return text
        case .number(let value):
            switch column.kind {
            case .integer: return VietnameseFormat.integer(NSDecimalNumber(decimal: value).intValue)
            case .decimal, .text: return VietnameseFormat.decimal(value, fractionDigits: column.fractionDigits)
            case .percent: return VietnameseFormat.percent(value, fractionDigits: column.fractionDigits)
            }
        }
    }

    /// Machine form: "0.7056", "1234"; empty for missing.
    static func machine(_ cell: Cell) -> String {
        switch cell {
        case .missing, .insufficient: return ""
        case .text(let text): return text
        case .number(let value): return DecimalText.plain(value)
        }
    }

    /// The context a template receives to draw the table: its frame (caption, column headers,
    /// download links) is the theme's `table` partial; the body rows come as HTML (`body`), written
    /// here, because a national site has tables of tens of thousands of cells and the template engine
    /// spends microseconds on every value it looks up.
    func context(basePath: String, phrases: SitePhrases) -> [String: Any] {
        [
            "id": id,
            "title": title,
            "columns": columns.map {
                ["title": $0.title, "numeric": $0.kind != .text, "sort": sortable ? ($0.kind == .text ? "text" : "number") as Any : false]
                    as [String: Any]
            },
            "sortable": sortable,
            "body": bodyHTML(phrases: phrases),
            "rowCount": rows.count,
            "csv": basePath + "du-lieu/\(id).csv",
            "json": basePath + "du-lieu/\(id).json",
            "source": source ?? ""
        ]
    }

    /// `<tr>` rows: the first cell of a row is its header (`<th scope="row">`); numbers are right-aligned
    /// (`class="num"`), a missing value is marked (`missing`), a highlighted row has `class="highlight"`.
    /// Every data cell names its column in `data-label`, which the stylesheet shows on phones, where
    /// each row becomes a card. Every text and link is escaped.
    func bodyHTML(phrases: SitePhrases) -> String {
        var out = ""
        out.reserveCapacity(rows.count * columns.count * 56)
        let labels = columns.map { " data-label=\"" + Escape.html($0.title) + "\"" }
        for (index, row) in rows.enumerated() {
            out += highlighted.contains(index) ? "<tr class=\"highlight\">" : "<tr>"
            for (position, pair) in zip(columns, row).enumerated() {
                var link: String?
                if position == 0 { link = links[index] }
                if position == linkColumn, let columnLink = columnLinks[index] { link = columnLink }
                let text = Escape.html(Self.display(pair.1, column: pair.0, phrases: phrases))
                let content = link.map { "<a href=\"" + Escape.html($0) + "\">" + text + "</a>" } ?? text
                let value = sortable ? " data-value=\"" + Escape.html(Self.machine(pair.1)) + "\"" : ""
                if position == 0 {
                    out += "<th scope=\"row\"" + value + ">" + content + "</th>"
                } else {
                    out +=
                        "<td class=\"" + (pair.0.kind != .text ? "num" : "") + (pair.1 == .missing ? " missing" : "") + "\""
                        + labels[position] + value + ">" + content + "</td>"
                }
            }
            out += "</tr>\n"
        }
        return out
    }

    /// RFC 4180 CSV with a header row, UTF-8 with BOM so Excel shows Vietnamese correctly.
    /// Text cells that a spreadsheet would run as a formula (= + - @, tab, CR) are prefixed with "'",
    /// as OWASP advises against CSV injection.
    func csv() -> String {
        var out = TextBuilder(capacity: 64 + rows.count * columns.count * 12)
        out += "\u{FEFF}"  // the byte order mark Excel needs to read UTF-8
        out += columns.map { Self.quote($0.key) }.joined(separator: ",") + "\r\n"
        for row in rows {
            for (i, cell) in row.enumerated() {
                if i > 0 { out += "," }
                switch cell {
                case .text(let text): out += Self.quote(Self.neutralize(text))
                default: out += Self.quote(Self.machine(cell))
                }
            }
            out += "\r\n"
        }
        return out.text
    }

    static func neutralize(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
    }

    static func quote(_ text: String) -> String {
        guard
            text.utf8.contains(where: {
                $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D || $0 == UInt8(ascii: ";")
            })
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// JSON: `{"id", "title", "source", "columns": [{"key","title","type"}], "rows": [{key: value}]}`,
    /// numbers as JSON numbers, a missing value as null. Keys sorted: byte-identical across builds.
    func json() -> String {
        var out = TextBuilder(capacity: 256 + rows.count * columns.count * 24)
        func add(_ text: String) { out += text }
        add("{\n  \"columns\" : [\n")
        for (i, c) in columns.enumerated() {
            if i > 0 { add(",\n") }
            add("    {\n      \"key\" : \(JSONText.string(c.key)),\n      \"title\" : \(JSONText.string(c.title)),\n")
            add("      \"type\" : \(JSONText.string(c.kind == .text ? "string" : "number"))\n    }")
        }
        add("\n  ],\n  \"id\" : \(JSONText.string(id)),\n  \"rows\" : [\n")
        // Keys of each row sorted, like the rest of the file: byte-identical across builds. Each key's
        // line start is written once for the whole table.
        let order = columns.indices.sorted { columns[$0].key < columns[$1].key }
        let keys = order.map { Array("      \(JSONText.string(columns[$0].key)) : ".utf8) }
        for (r, row) in rows.enumerated() {
            add(r == 0 ? "    {\n" : ",\n    {\n")
            for (k, i) in order.enumerated() {
                if k > 0 { add(",\n") }
                out.append(bytes: keys[k])
                switch i < row.count ? row[i] : .missing {
                case .missing, .insufficient: add("null")
                case .text(let text): add(JSONText.string(text))
                case .number(let number): add(DecimalText.plain(number))
                }
            }
            add("\n    }")
        }
        add("\n  ],\n")
        if let source { add("  \"source\" : \(JSONText.string(source)),\n") }
        add("  \"title\" : \(JSONText.string(title))\n}\n")
        return out.text
    }
}
