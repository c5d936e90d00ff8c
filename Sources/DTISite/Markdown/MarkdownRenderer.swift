import CMark
import Foundation

/// Markdown: CommonMark to HTML through libcmark, with what a portal needs on top — heading anchors,
/// links made to work under the site's base path, dangerous URLs and (unless allowed) raw HTML removed,
/// and custom elements such as `<dti-chart …>` replaced by what the site renders for them.
struct MarkdownRenderer: Sendable {
    /// Output of one document.
    struct Result: Sendable {
        var html: String
        var headings: [Heading]
        var diagnostics: [Diagnostic]
        /// The text without markup, for the search index (filled when rendered for a page).
        var plainText: String = ""
        /// Tables the text publishes (`<dti-table>`): offered for download by the page that shows it.
        var tables: [DataTable] = []
    }

    struct Heading: Sendable, Hashable {
        var level: Int
        var text: String
        var id: String
    }

    /// Renders a custom element found in Markdown, or returns nil to report it as unknown.
    typealias ElementRenderer = @Sendable (CustomElement, SourceLocation) -> Result?

    var basePath: String
    var allowRawHTML: Bool
    /// Ids the theme's templates use on the same page ("noi-dung" for <main>, section ids):
    /// a heading with the same text gets a numbered id instead ("noi-dung-2").
    var reservedIDs: Set<String> = [
        "noi-dung", "qua-cac-nam", "so-sanh", "chi-tieu", "nhiem-vu", "muc-tieu",
        "noi-dung-ke-hoach", "tru-cot-nam", "van-ban-moi", "q", "search-status", "search-results"
    ]
    var elementRenderer: ElementRenderer?

    init(basePath: String, allowRawHTML: Bool, elementRenderer: ElementRenderer? = nil) {
        self.basePath = basePath
        self.allowRawHTML = allowRawHTML
        self.elementRenderer = elementRenderer
    }

    func render(_ markdown: String, file: String, firstLine: Int = 1) -> Result {
        var diagnostics = PipeTableDetector.warnings(in: markdown, file: file, firstLine: firstLine)
        var headings: [Heading] = []
        let options = CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_SMART
        guard let document = markdown.withCString({ cmark_parse_document($0, strlen($0), options) }) else {
            return Result(html: "", headings: [], diagnostics: diagnostics)
        }
        defer { cmark_node_free(document) }

        // Collect first, change after: changing the tree while iterating it is not allowed.
        var htmlNodes: [OpaquePointer] = []
        var linkNodes: [OpaquePointer] = []
        var headingNodes: [OpaquePointer] = []
        let iterator = cmark_iter_new(document)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE: htmlNodes.append(node)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE: linkNodes.append(node)
            case CMARK_NODE_HEADING: headingNodes.append(node)
            default: break
            }
        }

        for node in linkNodes {
            let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
            let safe = LinkPolicy.rewrite(url, basePath: basePath)
            if safe != url {
                if safe.isEmpty {
                    diagnostics.append(
                        .warning(
                            location(of: node, file: file, firstLine: firstLine),
                            "liên kết \"\(url)\" bị bỏ vì không an toàn (chỉ dùng http, https, mailto, tel hoặc đường dẫn trong trang)"))
                }
                _ = safe.withCString { cmark_node_set_url(node, $0) }
            }
        }

        var usedIDs: [String: Int] = Dictionary(reservedIDs.map { ($0, 1) }, uniquingKeysWith: { first, _ in first })
        for node in headingNodes {
            let text = plainText(of: node)
            var id = Slug.make(text)
            if id.isEmpty { id = "muc" }
            if let n = usedIDs[id] {
                usedIDs[id] = n + 1
                id += "-\(n + 1)"
            } else {
                usedIDs[id] = 1
            }
            let level = Int(cmark_node_get_heading_level(node))
            headings.append(Heading(level: level, text: text, id: id))
            // An empty anchor as first child: libcmark's renderer cannot put an id on the heading itself.
            if let anchor = cmark_node_new(CMARK_NODE_HTML_INLINE) {
                _ = "<span class=\"anchor\" id=\"\(id)\"></span>".withCString { cmark_node_set_literal(anchor, $0) }
                cmark_node_prepend_child(node, anchor)
            }
        }

        var tables: [DataTable] = []
        // Nodes freed with a paragraph that a custom element replaced.
        var consumed: Set<OpaquePointer> = []
        for node in htmlNodes where !consumed.contains(node) {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            let at = location(of: node, file: file, firstLine: firstLine)
            if let element = CustomElement.parse(literal) {
                if let rendered = elementRenderer?(element, at) {
                    diagnostics += rendered.diagnostics
                    tables += rendered.tables
                    // `<dti-chart …></dti-chart>` on a line of its own is a paragraph of two inline tags for
                    // CommonMark: the element takes the paragraph's place, so no figure lands inside a <p>.
                    if let paragraph = Self.paragraphHolding(node, element: element.name, consumed: &consumed) {
                        if let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) {
                            _ = (rendered.html.hasSuffix("\n") ? rendered.html : rendered.html + "\n").withCString {
                                cmark_node_set_literal(block, $0)
                            }
                            cmark_node_insert_before(paragraph, block)
                        }
                        cmark_node_unlink(paragraph)
                        cmark_node_free(paragraph)
                    } else {
                        replace(node, with: rendered.html)
                    }
                } else {
                    diagnostics.append(
                        .warning(at, "thẻ <\(element.name)> không dùng được ở đây (kiểm tra tên và thuộc tính); thẻ bị bỏ qua"))
                    replace(node, with: "")
                }
            } else if !allowRawHTML {
                if !literal.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("<!--") {
                    diagnostics.append(
                        .warning(at, "HTML viết trực tiếp trong Markdown bị bỏ (đặt unsafe_html = true trong site.toml nếu thật sự cần)"))
                }
                replace(node, with: cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK ? "<!-- raw HTML omitted -->\n" : "")
            }
        }

        // Raw HTML was removed above and URLs filtered, so the renderer may emit the HTML nodes we made.
        guard let rendered = cmark_render_html(document, CMARK_OPT_UNSAFE | CMARK_OPT_SMART) else {
            return Result(html: "", headings: headings, diagnostics: diagnostics, tables: tables)
        }
        defer { free(rendered) }
        return Result(html: String(cString: rendered), headings: headings, diagnostics: diagnostics, tables: tables)
    }

    /// The paragraph `node` stands in when it holds nothing else than the element: its opening tag, the
    /// matching closing tag and white space. The closing tag is marked consumed (it goes with the paragraph).
    private static func paragraphHolding(_ node: OpaquePointer, element: String, consumed: inout Set<OpaquePointer>) -> OpaquePointer? {
        guard cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE, let paragraph = cmark_node_parent(node),
            cmark_node_get_type(paragraph) == CMARK_NODE_PARAGRAPH
        else { return nil }
        var closing: [OpaquePointer] = []
        var child = cmark_node_first_child(paragraph)
        while let current = child {
            defer { child = cmark_node_next(current) }
            if current == node { continue }
            let literal = cmark_node_get_literal(current).map { String(cString: $0) } ?? ""
            switch cmark_node_get_type(current) {
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: continue
            case CMARK_NODE_TEXT where literal.allSatisfy(\.isWhitespace): continue
            case CMARK_NODE_HTML_INLINE where literal.trimmingCharacters(in: .whitespaces) == "</\(element)>": closing.append(current)
            default: return nil
            }
        }
        consumed.formUnion(closing)
        return paragraph
    }

    private func replace(_ node: OpaquePointer, with html: String) {
        _ = html.withCString { cmark_node_set_literal(node, $0) }
    }

    private func location(of node: OpaquePointer, file: String, firstLine: Int) -> SourceLocation {
        SourceLocation(
            file: file, line: Int(cmark_node_get_start_line(node)) + firstLine - 1,
            column: Int(cmark_node_get_start_column(node)))
    }

    private func plainText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(child) {
                text += String(cString: literal)
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }
}
