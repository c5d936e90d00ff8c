import CYaml
import Foundation
import Yams

/// A Markdown file split into its YAML front matter and its body.
struct MarkdownSource: Sendable {
    /// Path as shown in messages, relative to the project: "Content/tru-cot/ha-tang-so.md".
    var file: String
    var frontMatter: FrontMatter
    var body: String
    /// Line of the body's first line in the file, so Markdown warnings point at the right line.
    var bodyLine: Int

    static func load(_ url: URL, displayPath: String) throws(DiagnosticError) -> MarkdownSource {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw DiagnosticError(.error(SourceLocation(file: displayPath), "không đọc được tệp: \(error.localizedDescription)"))
        }
        return try parse(TextDecoding.decode(data, file: displayPath), file: displayPath)
    }

    /// Front matter sits between a first line `---` and the next line `---`.
    static func parse(_ text: String, file: String) throws(DiagnosticError) -> MarkdownSource {
        // Walk lines as UTF-8 only as far as the closing fence; the body is taken as one slice.
        let utf8 = text.utf8
        func isFence(_ line: Substring.UTF8View) -> Bool {
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }
            return trimmed.count == 3 && trimmed.allSatisfy { $0 == UInt8(ascii: "-") }
        }
        var lineStart = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while lineStart <= utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            let line = Substring(text[lineStart..<lineEnd]).utf8
            if lineNumber == 1 {
                guard isFence(line) else {
                    return MarkdownSource(file: file, frontMatter: FrontMatter(file: file, entries: [:]), body: text, bodyLine: 1)
                }
                yamlStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            } else if isFence(line), let yamlStart {
                let yaml = String(text[yamlStart..<lineStart])
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                let frontMatter = try FrontMatter.parse(yaml: yaml, file: file, firstLine: 2)
                return MarkdownSource(file: file, frontMatter: frontMatter, body: String(text[bodyStart...]), bodyLine: lineNumber + 1)
            }
            if lineEnd == utf8.endIndex { break }
            lineStart = utf8.index(after: lineEnd)
            lineNumber += 1
        }
        throw DiagnosticError(
            .error(
                SourceLocation(file: file, line: 1, column: 1),
                "phần đầu (front matter) mở bằng \"---\" ở dòng 1 nhưng không có dòng \"---\" đóng lại"))
    }
}

/// The keys and values of a front matter block, each with its place in the file.
struct FrontMatter: Sendable {
    struct Entry: Sendable {
        var value: Value
        var location: SourceLocation
    }

    /// A YAML value, copied out of Yams' node tree (which is not Sendable).
    indirect enum Value: Sendable {
        case scalar(String)
        case list([Value])
        case map([(String, Value)])

        init(_ node: Node) {
            switch node {
            case .scalar(let s): self = .scalar(s.string)
            case .sequence(let seq): self = .list(seq.map(Value.init))
            case .mapping(let m): self = .map(m.map { ($0.key.string ?? "", Value($0.value)) })
            case .alias: self = .scalar("")
            }
        }
    }

    var file: String
    var entries: [String: Entry]

    /// The largest front matter read (64 KiB): a few lines of keys, never a document.
    static let maximumSize = 64 * 1024

    static func parse(yaml: String, file: String, firstLine: Int) throws(DiagnosticError) -> FrontMatter {
        guard yaml.utf8.count <= maximumSize else {
            throw DiagnosticError(
                .error(
                    SourceLocation(file: file, line: firstLine, column: 1),
                    "phần đầu (front matter) dài \(yaml.utf8.count / 1024) KiB, quá giới hạn \(maximumSize / 1024) KiB; hãy chuyển nội dung dài xuống phần thân bài"
                ))
        }
        // Anchors and aliases are refused before composing: a few lines of aliases can expand into
        // billions of nodes ("billion laughs"), and front matter never needs them. The parser's own
        // events say where they are, whatever the spacing around them.
        if let at = anchorOrAlias(in: yaml) {
            throw DiagnosticError(
                .error(
                    SourceLocation(file: file, line: at.line + firstLine - 1, column: at.column),
                    "không dùng anchor/alias YAML (&… hoặc *…) trong phần đầu; hãy viết giá trị trực tiếp, hoặc đặt giá trị trong ngoặc kép"
                ))
        }
        let root: Node?
        do {
            // Every value is read as text and interpreted by dtisite (dates, numbers, lists), so no
            // implicit tags are resolved: with the default resolver, Yams runs its type regexes on
            // every key and value, which costs more than the rest of reading a document.
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw DiagnosticError(
                .error(location(of: error, file: file, firstLine: firstLine), "phần đầu YAML không hợp lệ: \(problem(of: error))"))
        } catch {
            throw DiagnosticError(.error(SourceLocation(file: file, line: firstLine, column: 1), "phần đầu YAML không hợp lệ: \(error)"))
        }
        guard let root else { return FrontMatter(file: file, entries: [:]) }
        guard case .mapping(let mapping) = root else {
            throw DiagnosticError(
                .error(
                    SourceLocation(file: file, line: firstLine, column: 1),
                    "phần đầu phải là các dòng \"khoá: giá trị\" (ví dụ \"title: Hạ tầng số\")"))
        }
        var entries: [String: Entry] = [:]
        var problems: [Diagnostic] = []
        for (key, value) in mapping {
            let at = SourceLocation(file: file, line: (key.mark?.line ?? 1) + firstLine - 1, column: key.mark?.column ?? 1)
            guard let name = key.string else {
                problems.append(.error(at, "khoá của phần đầu phải là chữ"))
                continue
            }
            entries[name] = Entry(value: Value(value), location: at)
        }
        guard problems.isEmpty else { throw DiagnosticError(problems) }
        return FrontMatter(file: file, entries: entries)
    }

    /// Position (1-based) of the first YAML anchor (&name) or alias (*name), read from libyaml's
    /// events: the parse stops there, before any node is built. Nil when there is none, or when the
    /// text is not valid YAML (composing it then reports the error).
    static func anchorOrAlias(in yaml: String) -> (line: Int, column: Int)? {
        // Without "&" or "*" there is neither: one pass over the bytes settles most front matter.
        guard yaml.containsByte(UInt8(ascii: "&")) || yaml.containsByte(UInt8(ascii: "*")) else { return nil }
        var text = yaml
        return text.withUTF8 { bytes -> (line: Int, column: Int)? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var event = yaml_event_t()
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let anchor: UnsafeMutablePointer<yaml_char_t>?
                switch event.type {
                case YAML_ALIAS_EVENT: anchor = event.data.alias.anchor
                case YAML_SCALAR_EVENT: anchor = event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT: anchor = event.data.sequence_start.anchor
                case YAML_MAPPING_START_EVENT: anchor = event.data.mapping_start.anchor
                case YAML_STREAM_END_EVENT: return nil
                default: anchor = nil
                }
                if anchor != nil {
                    return (Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                }
            }
            return nil
        }
    }

    private static func location(of error: YamlError, file: String, firstLine: Int) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return SourceLocation(file: file, line: mark.line + firstLine - 1, column: mark.column)
        case .duplicatedKeysInMapping(_, let context):
            return SourceLocation(file: file, line: context.mark.line + firstLine - 1, column: context.mark.column)
        default:
            return SourceLocation(file: file, line: firstLine, column: 1)
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "khoá lặp lại: " + duplicates.joined(separator: ", ")
        default:
            return "\(error)"
        }
    }

    var fileLocation: SourceLocation { SourceLocation(file: file, line: 1, column: 1) }

    func location(_ key: String) -> SourceLocation { entries[key]?.location ?? fileLocation }

    /// Reports keys not in `known`, with the closest known key as a suggestion.
    func checkKeys(known: [String], required: [String], into diagnostics: inout Diagnostics) {
        for (key, entry) in entries.sorted(by: { $0.key < $1.key }) where !known.contains(key) {
            var message = "khoá \"\(key)\" không được hỗ trợ ở đây"
            if let near = Suggest.closest(to: key, in: known) { message += "; có phải \"\(near)\"?" }
            message += " (các khoá hợp lệ: \(known.joined(separator: ", ")))"
            diagnostics.error(entry.location, message)
        }
        for key in required where entries[key] == nil {
            diagnostics.error(fileLocation, "thiếu khoá \"\(key)\" trong phần đầu (front matter)")
        }
    }

    func string(_ key: String, into diagnostics: inout Diagnostics) -> String? {
        guard let entry = entries[key] else { return nil }
        guard case .scalar(let scalar) = entry.value else {
            diagnostics.error(entry.location, "\"\(key)\" phải là một giá trị chữ")
            return nil
        }
        let text = scalar.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    func int(_ key: String, into diagnostics: inout Diagnostics) -> Int? {
        guard let text = string(key, into: &diagnostics) else { return nil }
        guard let value = Int(text), value.magnitude <= NumberParser.integerLimit.magnitude else {
            diagnostics.error(location(key), "\"\(key)\" phải là số nguyên (nhỏ hơn một triệu tỷ), không phải \"\(text)\"")
            return nil
        }
        return value
    }

    func bool(_ key: String, into diagnostics: inout Diagnostics) -> Bool? {
        guard let text = string(key, into: &diagnostics) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "có": return true
        case "false", "no", "không": return false
        default:
            diagnostics.error(location(key), "\"\(key)\" phải là true hoặc false")
            return nil
        }
    }

    func date(_ key: String, into diagnostics: inout Diagnostics) -> LocalDate? {
        guard let text = string(key, into: &diagnostics) else { return nil }
        guard let date = LocalDate(iso: text) else {
            diagnostics.error(location(key), "\"\(key)\" phải là ngày dạng NĂM-THÁNG-NGÀY (ví dụ 2025-03-31), không phải \"\(text)\"")
            return nil
        }
        return date
    }

    func strings(_ key: String, into diagnostics: inout Diagnostics) -> [String] {
        guard let entry = entries[key] else { return [] }
        switch entry.value {
        case .scalar(let s): return [s]
        case .list(let items): return items.compactMap { if case .scalar(let s) = $0 { return s } else { return nil } }
        default:
            diagnostics.error(entry.location, "\"\(key)\" phải là một danh sách")
            return []
        }
    }
}
