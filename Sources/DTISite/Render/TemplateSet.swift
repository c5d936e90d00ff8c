import Foundation
import Mustache

/// Render: page contexts → HTML through the theme's Mustache templates.

/// The theme's templates (Theme/templates/*.mustache), loaded at run time. Mustache escapes every
/// `{{value}}` for HTML; only `{{{…}}}` is raw, and the theme uses it only for HTML that dtisite
/// produced itself (rendered Markdown, charts). Every template starts in dtisite's HTML content type,
/// so `{{value}}` is escaped by `Escape.html`, the function that escapes everything else.
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    let names: Set<String>
    /// Per template: a hash of its text and of every template it includes, directly or not. A page is
    /// rendered again when the hash of its own template changes, not when another template does.
    var fingerprints: [String: String] = [:]

    /// Empty for a template the theme lacks (its pages are reported as not rendered).
    func fingerprint(of template: String) -> String { fingerprints[template] ?? "" }

    /// Put in front of every template's text: selects `HTMLEscaping` for the template's `{{value}}`s.
    static let prelude: String = {
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        return "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}"
    }()

    /// Compiles the theme's templates (read by the loader). Every problem is reported with its place.
    static func compile(_ templates: [Theme.Template], into diagnostics: inout Diagnostics) -> TemplateSet {
        let prelude = Self.prelude
        var library = MustacheLibrary()
        var names: Set<String> = []
        var references: [String: (shown: String, tags: [PartialTag])] = [:]
        var texts: [String: String] = [:]
        for template in templates {
            let name = template.name, shown = template.shown, text = template.text
            texts[name] = text
            do {
                try library.register(prelude + text, named: name)
                names.insert(name)
                references[name] = (shown, PartialTag.scan(text))
            } catch let error as MustacheTemplate.ParserError {
                // The prelude sits on the first line: columns there are counted without it.
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - prelude.count) : error.context.columnNumber
                diagnostics.error(
                    SourceLocation(file: shown, line: line, column: column),
                    "mẫu trang không hợp lệ: \(Self.explain(error.error))")
            } catch {
                diagnostics.error(SourceLocation(file: shown), "mẫu trang không hợp lệ: \(error)")
            }
        }
        // swift-mustache resolves partials while rendering and recurses without limit: a template that
        // includes itself, directly or through others, would crash the build. Refused here.
        for cycle in PartialTag.cycles(references.mapValues(\.tags)) {
            let (from, tag) = cycle.closing
            let path = (cycle.names + [cycle.names[0]]).joined(separator: " → ")
            diagnostics.error(
                SourceLocation(file: references[from]?.shown ?? "", line: tag.line, column: tag.column),
                "mẫu trang gọi lại chính nó qua {{\(tag.kind) \(tag.name)}} (\(path)); như vậy trang không bao giờ dựng xong, hãy bỏ thẻ này"
            )
        }
        var set = TemplateSet(library: library, names: names)
        for name in names {
            var reached: Set<String> = [name]
            var pending = [name]
            while let next = pending.popLast() {
                for tag in references[next]?.tags ?? [] where reached.insert(tag.name).inserted { pending.append(tag.name) }
            }
            var own = ContentHasher()
            for included in reached.sorted() {
                own.add("|\(included)|")
                own.add(texts[included] ?? "(none)")
            }
            set.fingerprints[name] = own.hex
        }
        return set
    }

    /// The parser's error in words a theme author reads.
    static func explain(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "thẻ đóng {{/…}} không khớp tên với thẻ mở {{#…}} hoặc {{^…}} gần nhất"
        case .unfinishedName: return "thẻ chưa đóng: cần \"}}\" sau tên"
        case .expectedSectionEnd: return "khối {{#…}} hoặc {{^…}} chưa có thẻ đóng {{/…}}"
        case .invalidSetDelimiter: return "thẻ đổi dấu phân cách {{=… …=}} viết sai"
        case .transformAppliedToInheritanceSection: return "không dùng hàm biến đổi trong khối kế thừa"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            return "trong {{<…}}…{{/…}} chỉ được có các khối {{$…}}…{{/…}}"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "thẻ cấu hình {{%…}} không hợp lệ"
        }
    }

    func render(_ context: TemplateContext, template: String) -> String? {
        library.render(TemplateValues.prepare(context.values).value, withTemplate: template)
    }

    /// Renders values already prepared (`TemplateValues.prepare`).
    func render(prepared values: TemplateValues.Prepared, template: String) -> String? {
        library.render(values.value, withTemplate: template)
    }
}

/// Values a template sees: plain strings, numbers, booleans, arrays and dictionaries, already
/// formatted for reading. Templates never compute.
struct TemplateContext: @unchecked Sendable {
    // Built once, then only read (rendering happens on several threads): no mutation after init.
    let values: [String: Any]
    init(_ values: [String: Any]) { self.values = values }
}

/// A `{{> name}}` (partial) or `{{< name}}` (parent) tag of a template, where it is written.
struct PartialTag: Sendable, Equatable {
    var kind: Character
    var name: String
    var line: Int
    var column: Int

    /// The partial and parent tags of a template's text, with the delimiters as the text sets them
    /// (`{{=<% %>=}}`); dynamic names (`{{>*name}}`) cannot be followed and are left out.
    static func scan(_ text: String) -> [PartialTag] {
        let chars = Array(text)
        var open: [Character] = ["{", "{"], close: [Character] = ["}", "}"]
        var tags: [PartialTag] = []
        var line = 1, lineStart = 0, i = 0
        func matches(_ delimiter: [Character], at index: Int) -> Bool {
            index + delimiter.count <= chars.count && chars[index..<(index + delimiter.count)].elementsEqual(delimiter)
        }
        func skip(to index: Int) {
            while i < index && i < chars.count {
                if chars[i] == "\n" {
                    line += 1
                    lineStart = i + 1
                }
                i += 1
            }
        }
        while i < chars.count {
            guard matches(open, at: i) else {
                skip(to: i + 1)
                continue
            }
            let tagLine = line, tagColumn = i - lineStart + 1
            var j = i + open.count
            let kind = j < chars.count ? chars[j] : " "
            // The end of the tag: "}}}" for a triple mustache, "=}}" for a delimiter change.
            var end = close
            if kind == "{" && open == ["{", "{"] { end = ["}"] + close }
            if kind == "=" { end = ["="] + close }
            var k = j
            while k < chars.count && !matches(end, at: k) { k += 1 }
            guard k < chars.count else { break }
            switch kind {
            case ">", "<":
                j += 1
                while j < k && chars[j].isWhitespace { j += 1 }
                if j < k && chars[j] != "*" {
                    let name = String(chars[j..<k]).trimmingCharacters(in: .whitespaces)
                    if !name.isEmpty { tags.append(PartialTag(kind: kind, name: name, line: tagLine, column: tagColumn)) }
                }
            case "=":
                let parts = String(chars[(j + 1)..<k]).split(whereSeparator: \.isWhitespace)
                if parts.count == 2 {
                    open = Array(parts[0])
                    close = Array(parts[1])
                }
            default: break
            }
            skip(to: k + end.count)
        }
        return tags
    }

    /// Every cycle of templates that include each other, each once: the names in order from the
    /// first (by name), and the tag that closes it.
    static func cycles(_ graph: [String: [PartialTag]]) -> [(names: [String], closing: (String, PartialTag))] {
        enum Mark { case active, done }
        var marks: [String: Mark] = [:]
        var stack: [String] = []
        var found: [(names: [String], closing: (String, PartialTag))] = []
        var seen: Set<[String]> = []
        func visit(_ name: String) {
            marks[name] = .active
            stack.append(name)
            for tag in graph[name] ?? [] where graph[tag.name] != nil {
                switch marks[tag.name] {
                case .active:
                    var names = Array(stack[stack.lastIndex(of: tag.name)!...])
                    let first = names.indices.min { names[$0] < names[$1] }!
                    names = Array(names[first...] + names[..<first])
                    if seen.insert(names).inserted { found.append((names, (name, tag))) }
                case .done: break
                case nil: visit(tag.name)
                }
            }
            stack.removeLast()
            marks[name] = .done
        }
        for name in graph.keys.sorted() where marks[name] == nil { visit(name) }
        return found
    }
}
