import Foundation

/// Typed access to the cells of a CSV table. Each bad cell becomes a diagnostic that names the file,
/// the spreadsheet row and column, the cell ("C14") and what was expected; the value is then nil.
struct TableReader: Sendable {
    let table: RawTable
    private var columns: [String: Int] = [:]

    /// Checks that the header has the `required` columns; others must be `optional` or match `allow`.
    init(
        _ table: RawTable, required: [String], optional: [String] = [],
        allow: (String) -> Bool = { _ in false }, into diagnostics: inout Diagnostics
    ) {
        self.table = table
        for (i, name) in table.header.enumerated() { columns[name] = i }
        let known = required + optional
        for (i, name) in table.header.enumerated() where !known.contains(name) && !allow(name) {
            var message = "cột \"\(name)\" không được hỗ trợ trong tệp này"
            if let near = Suggest.closest(to: name, in: known) { message += "; có phải \"\(near)\"?" }
            diagnostics.warning(SourceLocation(file: table.file, line: 1, column: i + 1), message + " (cột bị bỏ qua)")
        }
        for name in required where columns[name] == nil {
            diagnostics.error(
                SourceLocation(file: table.file, line: 1, column: 1),
                "thiếu cột \"\(name)\" trong dòng tiêu đề (các cột cần có: \(required.joined(separator: ", ")))")
        }
    }

    func has(_ column: String) -> Bool { columns[column] != nil }

    func location(_ row: RawTable.Row, _ column: String) -> SourceLocation {
        SourceLocation(file: table.file, line: row.line, column: (columns[column] ?? 0) + 1)
    }

    func cellName(_ row: RawTable.Row, _ column: String) -> String {
        "ô \(RawTable.cellName(row: row.line, column: columns[column] ?? 0)) (cột \"\(column)\")"
    }

    /// Trimmed text of a cell, nil when empty or the column is absent.
    func text(_ row: RawTable.Row, _ column: String) -> String? {
        guard let i = columns[column], i < row.fields.count else { return nil }
        let field = row.fields[i]
        // Most cells need no trimming; Foundation's trimming is slow on Linux.
        guard let first = field.utf8.first, let last = field.utf8.last else { return nil }
        if first > 0x20 && first != 0xC2 && last > 0x20 && last != 0xA0 { return field }
        let value = field.trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    func required(_ row: RawTable.Row, _ column: String, into diagnostics: inout Diagnostics) -> String? {
        guard let value = text(row, column) else {
            if columns[column] != nil { diagnostics.error(location(row, column), "\(cellName(row, column)) đang trống; cần có giá trị") }
            return nil
        }
        return value
    }

    /// An integer within ±`NumberParser.integerLimit`: every count, year and rank is far smaller, and
    /// a bound keeps arithmetic on them from overflowing (which would stop the program).
    func int(_ row: RawTable.Row, _ column: String, into diagnostics: inout Diagnostics) -> Int? {
        guard let raw = text(row, column) else { return nil }
        guard let value = NumberParser.integer(raw) else {
            if NumberParser.looksLikeLargeInteger(raw) {
                diagnostics.error(
                    location(row, column), "\(cellName(row, column)): số \"\(raw)\" quá lớn (số nguyên phải nhỏ hơn một triệu tỷ)")
            } else {
                diagnostics.error(location(row, column), "\(cellName(row, column)) phải là số nguyên, không phải \"\(raw)\"")
            }
            return nil
        }
        return value
    }

    /// Accepts "0.5478" and the Vietnamese "0,5478".
    func decimal(_ row: RawTable.Row, _ column: String, into diagnostics: inout Diagnostics) -> Decimal? {
        guard let raw = text(row, column) else { return nil }
        guard let value = NumberParser.decimal(raw) else {
            diagnostics.error(
                location(row, column), "\(cellName(row, column)) phải là số (ví dụ 0,5478 hoặc 0.5478), không phải \"\(raw)\"")
            return nil
        }
        return value
    }

    /// A cell naming one of `known` ids (a pillar, a document…): an unknown one is an error with the
    /// closest id suggested, and reads as nil.
    func known(
        _ row: RawTable.Row, _ column: String, among known: [String], what: String, home: String,
        into diagnostics: inout Diagnostics
    ) -> String? {
        guard let id = text(row, column) else { return nil }
        guard known.contains(id) else {
            var message = "\(cellName(row, column)): \(what) \"\(id)\" không có trong \(home)"
            if let near = Suggest.closest(to: id, in: known) { message += "; có phải \"\(near)\"?" }
            diagnostics.error(location(row, column), message)
            return nil
        }
        return id
    }

    /// A list in one cell, separated by ";" (or new lines).
    func list(_ row: RawTable.Row, _ column: String) -> [String] {
        guard let raw = text(row, column) else { return [] }
        return raw.split(whereSeparator: { $0 == ";" || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}

/// Numbers as people type them in Vietnamese spreadsheets.
enum NumberParser {
    /// "0.5478", "0,5478", "-1.5", "77%" (→ 77). A lone "," or "." is the decimal separator.
    static func decimal(_ raw: String) -> Decimal? {
        // Plain "0.5478" or "77": no separators to interpret.
        if !raw.isEmpty, raw.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }), raw.utf8.filter({ $0 == 0x2E }).count <= 1,
            raw.utf8.first != 0x2E, raw.utf8.last != 0x2E
        {
            return Decimal(string: raw, locale: Locale(identifier: "en_US_POSIX"))
        }
        var text = raw.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
        if text.hasSuffix("%") { text.removeLast() }
        let commas = text.filter { $0 == "," }.count
        let dots = text.filter { $0 == "." }.count
        if commas + dots > 1 {
            // "1.234,5" or "1,234.5": the last separator is the decimal one.
            guard let lastSeparator = text.lastIndex(where: { $0 == "," || $0 == "." }) else { return nil }
            let whole = text[..<lastSeparator].filter { $0 != "," && $0 != "." }
            let fraction = text[text.index(after: lastSeparator)...]
            text = whole + "." + fraction
        } else {
            text = text.replacingOccurrences(of: ",", with: ".")
        }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
            text.filter({ $0 == "-" || $0 == "+" }).count <= 1, !text.dropFirst().contains("-"), !text.dropFirst().contains("+"),
            text.contains(where: \.isNumber)
        else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    /// The largest integer magnitude read from content (10^15, a million billion): sums of a million of
    /// them and products with a thousand still fit in 64 bits.
    static let integerLimit = 1_000_000_000_000_000

    /// Digits (with an optional sign and grouping) that are not an integer only because they are too large.
    static func looksLikeLargeInteger(_ raw: String) -> Bool {
        let digits = raw.filter { !" .,\u{00A0}".contains($0) }.drop { $0 == "-" || $0 == "+" }
        return digits.count > 15 && digits.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// "5800", "5.800", "5,800", "5 800" → 5800. "5.8" is not an integer; neither is a number beyond
    /// ±`integerLimit`.
    static func integer(_ raw: String) -> Int? {
        guard let value = unboundedInteger(raw), value.magnitude <= integerLimit.magnitude else { return nil }
        return value
    }

    private static func unboundedInteger(_ raw: String) -> Int? {
        if let value = Int(raw) { return value }
        let text = raw.replacingOccurrences(of: "\u{00A0}", with: "").replacingOccurrences(of: " ", with: "")
        if let value = Int(text) { return value }
        // Thousands grouped by "." or ",": every group after the first has three digits.
        for separator in [".", ","] where text.contains(separator) {
            let groups = text.split(separator: Character(separator), omittingEmptySubsequences: false)
            guard groups.count > 1, let first = groups.first, (1...3).contains(first.filter(\.isNumber).count),
                groups.dropFirst().allSatisfy({ $0.count == 3 && $0.allSatisfy(\.isNumber) })
            else { continue }
            return Int(groups.joined())
        }
        return nil
    }
}
