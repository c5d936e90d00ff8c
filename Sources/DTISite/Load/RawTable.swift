import CSV
import Foundation

/// Load: content files to raw tables and documents, each value with the place it came from.

/// A table as it was read, before any rule looked at it: a CSV file or a JSON table (JSONTable), each
/// value with its spreadsheet row and column. A CSV file as Excel writes it: UTF-8 (BOM optional) or UTF-16, comma, semicolon or tab delimited,
/// CRLF or LF. Parsing is CSV.swift's; this type adds what people need in error messages: the
/// spreadsheet row of each record (records may span lines) and the column of each field.
struct RawTable: Sendable {
    struct Row: Sendable {
        /// Spreadsheet row: the header is row 1.
        var line: Int
        var fields: [String]
    }

    var file: String
    var header: [String]
    var rows: [Row]
    var delimiter: Character

    /// Column index of a header name (exact, after trimming).
    func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// "C14": how Excel names the cell, for messages.
    static func cellName(row: Int, column: Int) -> String {
        var n = column + 1
        var letters = ""
        while n > 0 {
            let r = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + r))) + letters
            n = (n - 1) / 26
        }
        return "\(letters)\(row)"
    }

    static func load(_ url: URL, displayPath: String) throws(DiagnosticError) -> RawTable {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw DiagnosticError(.error(SourceLocation(file: displayPath), "không đọc được tệp: \(error.localizedDescription)"))
        }
        return try parse(data, file: displayPath)
    }

    static func parse(_ data: Data, file: String) throws(DiagnosticError) -> RawTable {
        let text = try TextDecoding.decode(data, file: file)
        return try parse(text: text, file: file)
    }

    static func parse(text: String, file: String) throws(DiagnosticError) -> RawTable {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw DiagnosticError(.error(SourceLocation(file: file, line: 1, column: 1), "tệp CSV rỗng; dòng đầu tiên phải là tiêu đề cột"))
        }
        let delimiter = detectDelimiter(text)
        if let open = unterminatedQuote(text, delimiter: delimiter) {
            throw DiagnosticError(
                .error(
                    SourceLocation(file: file, line: open.line, column: open.column),
                    "dấu ngoặc kép (\") mở ở đây không được đóng; mỗi ô bắt đầu bằng \" phải kết thúc bằng \""))
        }
        let reader: CSVReader
        do {
            reader = try CSVReader(
                string: text, hasHeaderRow: false, trimFields: false,
                delimiter: delimiter.unicodeScalars.first ?? ",")
        } catch {
            throw DiagnosticError(.error(SourceLocation(file: file, line: 1, column: 1), "không đọc được CSV: \(error)"))
        }
        var header: [String] = []
        var rows: [Row] = []
        var line = 1
        var first = true
        while let fields = reader.next() {
            let startLine = line
            line += 1 + fields.reduce(0) { $0 + $1.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            if first {
                header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                first = false
                continue
            }
            // Rows Excel leaves at the end (";;;;" or empty) carry nothing.
            if fields.allSatisfy(Self.isBlank) { continue }
            rows.append(Row(line: startLine, fields: fields))
        }
        if let error = reader.error {
            throw DiagnosticError(.error(SourceLocation(file: file, line: line, column: 1), "không đọc được CSV: \(error)"))
        }
        var problems: [Diagnostic] = []
        var seen: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if name.isEmpty, index < header.count - 1 || header.count == 1 {
                problems.append(
                    .error(
                        SourceLocation(file: file, line: 1, column: index + 1),
                        "cột \(cellName(row: 1, column: index)) không có tên trong dòng tiêu đề"))
            } else if let earlier = seen[name], !name.isEmpty {
                problems.append(
                    .error(
                        SourceLocation(file: file, line: 1, column: index + 1),
                        "cột \"\(name)\" xuất hiện hai lần (cột \(cellName(row: 1, column: earlier)) và \(cellName(row: 1, column: index)))"
                    ))
            }
            seen[name] = index
        }
        // Excel writes a trailing empty header cell when a row has a trailing delimiter.
        while header.last == "" { header.removeLast() }
        for row in rows where row.fields.count != header.count {
            let extra = row.fields.dropFirst(header.count)
            if row.fields.count > header.count, extra.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let delimiterName = delimiter == ";" ? "dấu chấm phẩy" : delimiter == "\t" ? "dấu tab" : "dấu phẩy"
            problems.append(
                .error(
                    SourceLocation(file: file, line: row.line, column: min(row.fields.count, header.count) + 1),
                    "dòng \(row.line) có \(row.fields.count) ô nhưng tiêu đề có \(header.count) cột; kiểm tra \(delimiterName) thừa hoặc thiếu, hoặc ô chứa dấu phân cách mà không đặt trong ngoặc kép"
                ))
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        let width = header.count
        rows = rows.map { Row(line: $0.line, fields: Array($0.fields.prefix(width))) }
        return RawTable(file: file, header: header, rows: rows, delimiter: delimiter)
    }

    /// The delimiter that splits the header line into the most fields: ",", ";" (Excel with a
    /// Vietnamese or European locale) or tab (Excel's "Unicode Text").
    static func detectDelimiter(_ text: String) -> Character {
        let headerLine = text.prefix { $0 != "\n" }
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for ch in headerLine {
            if ch == "\"" { quoted.toggle() } else if !quoted, counts[ch] != nil { counts[ch, default: 0] += 1 }
        }
        let best = counts.max { a, b in a.value == b.value ? a.key == "," : a.value < b.value }
        return (best?.value ?? 0) > 0 ? best!.key : ","
    }

    /// A cell with nothing but white space. Decided on the bytes when they are ASCII (the usual case).
    static func isBlank(_ field: String) -> Bool {
        if field.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { return true }
        // Any ASCII character other than white space (a letter, a digit) settles it.
        if field.utf8.contains(where: { $0 > 0x20 && $0 < 0x80 }) || field.utf8.allSatisfy({ $0 < 0x80 }) { return false }
        return field.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// CSV.swift reads an unterminated quoted field to the end of the file without complaint;
    /// find the quote that opened it, so the message can point at it.
    static func unterminatedQuote(_ text: String, delimiter: Character) -> (line: Int, column: Int)? {
        // Most tables have no quoted cell at all: one pass over the bytes settles it.
        guard text.containsByte(UInt8(ascii: "\"")) else { return nil }
        var line = 1, column = 0
        var inQuotes = false
        var atFieldStart = true
        var openedAt = (line: 1, column: 1)
        var previousWasQuote = false
        for ch in text {
            column += 1
            if inQuotes {
                if ch == "\"" {
                    previousWasQuote.toggle()
                } else if previousWasQuote {
                    // The quote before closed the field.
                    inQuotes = false
                    previousWasQuote = false
                    atFieldStart = (ch == delimiter || ch == "\n")
                }
                if ch == "\n" {
                    line += 1
                    column = 0
                }
                continue
            }
            if ch == "\"", atFieldStart {
                inQuotes = true
                previousWasQuote = false
                openedAt = (line, column)
            }
            atFieldStart = (ch == delimiter || ch == "\n")
            if ch == "\n" {
                line += 1
                column = 0
            }
        }
        return inQuotes && !previousWasQuote ? openedAt : nil
    }
}
