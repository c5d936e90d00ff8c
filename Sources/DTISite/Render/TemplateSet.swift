import Foundation
import Mustache

/// Render: page contexts → HTML through the theme's Mustache templates.

/// The theme's templates (Theme/templates/*.mustache), loaded at run time. Mustache escapes every
/// `{{value}}` for HTML; only `{{{…}}}` is raw, and the theme uses it only for HTML that dtisite
/// produced itself (rendered Markdown, charts). Every template starts in dtisite's HTML content type,
/// so `{{value}}` is escaped by `Escape.html`, the function that escapes everything else.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    public let names: Set<String>
    /// Hash of every template's name and text: a page rendered with other templates is another page.
    public var fingerprint: String = ""

    /// Put in front of every template's text: selects `HTMLEscaping` for the template's `{{value}}`s.
    static let prelude: String = {
        MustacheContentTypes.register(HTMLEscaping(), named: HTMLEscaping.name)
        return "{{% CONTENT_TYPE: \(HTMLEscaping.name)}}"
    }()

    public static func load(directory: URL, displayPrefix: String, into diagnostics: inout Diagnostics) -> TemplateSet {
        let prelude = Self.prelude
        var library = MustacheLibrary()
        var names: Set<String> = []
        var hasher = ContentHasher()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.filter { $0.hasSuffix(".mustache") }.sorted() ?? []
        if files.isEmpty {
            diagnostics.error(SourceLocation(file: displayPrefix), "không tìm thấy mẫu trang (*.mustache) trong \(displayPrefix)")
        }
        for file in files {
            let name = String(file.dropLast(".mustache".count))
            let shown = displayPrefix + "/" + file
            guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else {
                diagnostics.error(SourceLocation(file: shown), "không đọc được mẫu trang (cần UTF-8)")
                continue
            }
            hasher.add("|\(name)|"); hasher.add(text)
            do {
                try library.register(prelude + text, named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                // The prelude sits on the first line: columns there are counted without it.
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - prelude.count) : error.context.columnNumber
                diagnostics.error(SourceLocation(file: shown, line: line, column: column),
                                  "mẫu trang không hợp lệ: \(Self.explain(error.error))")
            } catch {
                diagnostics.error(SourceLocation(file: shown), "mẫu trang không hợp lệ: \(error)")
            }
        }
        return TemplateSet(library: library, names: names, fingerprint: hasher.hex)
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

    public func render(_ context: TemplateContext, template: String) -> String? {
        library.render(TemplateValues.prepare(context.values).value, withTemplate: template)
    }

    /// Renders values already prepared (`TemplateValues.prepare`).
    func render(prepared values: TemplateValues.Prepared, template: String) -> String? {
        library.render(values.value, withTemplate: template)
    }
}

/// Values a template sees: plain strings, numbers, booleans, arrays and dictionaries, already
/// formatted for reading. Templates never compute.
public struct TemplateContext: @unchecked Sendable {
    // Built once, then only read (rendering happens on several threads): no mutation after init.
    public let values: [String: Any]
    public init(_ values: [String: Any]) { self.values = values }
}
