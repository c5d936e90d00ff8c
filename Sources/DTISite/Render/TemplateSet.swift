import Foundation
import Mustache

/// Render: page contexts → HTML through the theme's Mustache templates.

/// The theme's templates (Theme/templates/*.mustache), loaded at run time. Mustache escapes every
/// `{{value}}` for HTML; only `{{{…}}}` is raw, and the theme uses it only for HTML that dtisite
/// produced itself (rendered Markdown, charts).
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    public let names: Set<String>
    /// Hash of every template's name and text: a page rendered with other templates is another page.
    public var fingerprint: String = ""

    public static func load(directory: URL, displayPrefix: String, into diagnostics: inout Diagnostics) -> TemplateSet {
        var library = MustacheLibrary()
        var names: Set<String> = []
        var hasher = FNV1a()
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
                try library.register(text, named: name)
                names.insert(name)
            } catch let error as MustacheLibrary.ParserError {
                diagnostics.error(SourceLocation(file: shown, line: error.context.lineNumber, column: error.context.columnNumber),
                                  "mẫu trang không hợp lệ: \(error.error)")
            } catch {
                diagnostics.error(SourceLocation(file: shown), "mẫu trang không hợp lệ: \(error)")
            }
        }
        return TemplateSet(library: library, names: names, fingerprint: hasher.hex)
    }

    public func render(_ context: TemplateContext, template: String) -> String? {
        library.render(context.values, withTemplate: template)
    }
}

/// Values a template sees: plain strings, numbers, booleans, arrays and dictionaries, already
/// formatted for reading. Templates never compute.
public struct TemplateContext: @unchecked Sendable {
    // Built once, then only read (rendering happens on several threads): no mutation after init.
    public let values: [String: Any]
    public init(_ values: [String: Any]) { self.values = values }
}
