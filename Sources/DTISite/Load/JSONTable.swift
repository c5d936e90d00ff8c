import Foundation

/// A data file in JSON: an array of objects whose keys are the same column names as the CSV
/// (`[{"year": 2024, "unit": "Lai Châu", "index": 0.7056}, …]`). It becomes a RawTable, so every
/// rule that checks a CSV checks a JSON file the same way; each record's line is where its `{` is.
enum JSONTable {
    static func load(_ url: URL, displayPath: String) throws(DiagnosticError) -> RawTable {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw DiagnosticError(.error(SourceLocation(file: displayPath), "không đọc được tệp: \(error.localizedDescription)"))
        }
        return try parse(TextDecoding.decode(data, file: displayPath), file: displayPath)
    }

    static func parse(_ text: String, file: String) throws(DiagnosticError) -> RawTable {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw DiagnosticError(
                .error(
                    SourceLocation(file: file, line: 1, column: 1),
                    "JSON không hợp lệ: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error.localizedDescription)"))
        }
        guard let records = object as? [Any] else {
            throw DiagnosticError(
                .error(SourceLocation(file: file, line: 1, column: 1), "tệp JSON phải là một mảng các đối tượng: [{\"year\": 2024, …}, …]"))
        }
        let lines = recordLines(text)
        var header: [String] = []
        var rows: [RawTable.Row] = []
        var problems: [Diagnostic] = []
        for (index, record) in records.enumerated() {
            let line = index < lines.count ? lines[index] : 1
            guard let fields = record as? [String: Any] else {
                problems.append(
                    .error(SourceLocation(file: file, line: line, column: 1), "phần tử thứ \(index + 1) phải là một đối tượng {…}"))
                continue
            }
            for key in fields.keys.sorted() where !header.contains(key) { header.append(key) }
            rows.append(RawTable.Row(line: line, fields: []))
            rows[rows.count - 1].fields = header.map { key in fields[key].map(string) ?? "" }
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        // Records seen before a later key appeared get an empty cell for it.
        for i in rows.indices where rows[i].fields.count < header.count {
            rows[i].fields += Array(repeating: "", count: header.count - rows[i].fields.count)
        }
        return RawTable(file: file, header: header, rows: rows, delimiter: ",")
    }

    private static func string(_ value: Any) -> String {
        switch value {
        case is NSNull: return ""
        case let flag as Bool where !(value is Int): return flag ? "true" : "false"
        case let number as NSNumber: return number.stringValue
        case let text as String: return text
        default: return "\(value)"
        }
    }

    /// Line of each top-level array element's opening brace.
    private static func recordLines(_ text: String) -> [Int] {
        var lines: [Int] = []
        var line = 1, depth = 0
        var inString = false, escaped = false
        for ch in text.unicodeScalars {
            if ch == "\n" { line += 1 }
            if inString {
                if escaped { escaped = false } else if ch == "\\" { escaped = true } else if ch == "\"" { inString = false }
                continue
            }
            switch ch {
            case "\"": inString = true
            case "[", "{":
                if depth == 1 && ch == "{" { lines.append(line) }
                depth += 1
            case "]", "}": depth -= 1
            default: break
            }
        }
        return lines
    }
}
