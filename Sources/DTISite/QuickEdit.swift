import Foundation

/// The fast path of a dev server's rebuild, for the two edits a writer makes most:
///
/// - Markdown texts edited below their front matter. Their title, summary, slug and order are the
///   same, so no list, menu, sitemap or other page changes: the texts are rendered again and the pages
///   that show them are re-rendered from the values the last build kept (`RenderState`).
/// - Page templates (not the layout, header, footer, table or chart, which every page or its values
///   hold): the pages drawn by an edited template are re-rendered with the new templates.
///
/// The pages are written at once. What else depends on the edit — a text's search index entry, the
/// feed, the manifest's page hashes — is brought up to date by the session's next `build(changed:)`
/// with the same files, which a dev server runs right after; until then the output's manifest does not
/// list the new files' inodes, so any build rewrites them.
extension BuildSession {
    /// The pages written, or nil when the change is not of these kinds (or the last build failed): then
    /// `build(changed:)` does the work.
    func quickBuild(changed: Set<String>) -> SiteBuilder.Report? {
        let clock = ContinuousClock()
        let start = clock.now
        guard lastSucceeded, let output, var state = carry.reuse.state, !changed.isEmpty else { return nil }
        let edited: [Int]
        if changed.allSatisfy({ $0.hasSuffix(".md") }) {
            guard let pages = markdownEdit(changed, state: &state) else { return nil }
            edited = pages
        } else if changed.allSatisfy({ $0.hasPrefix(fingerprint.roots[1] + "templates/") && $0.hasSuffix(".mustache") }) {
            guard let pages = templateEdit(changed, state: &state) else { return nil }
            edited = pages
        } else {
            return nil
        }
        let snapshot = state
        var rendered = Concurrent.map(edited) { index -> OutputFile? in
            let spec = snapshot.specs[index]
            return snapshot.render(spec).map { OutputFile(path: spec.outputPath, contents: $0) }
        }
        .compactMap { $0 }
        guard rendered.count == edited.count else { return nil }
        if options.relativeURLs { rendered = RelativeURLs.apply(rendered, base: state.renderer.base) }
        let failures = Concurrent.map(rendered) { file -> Bool in
            (try? Data(file.contents).write(to: output.appendingPathComponent(file.path), options: .atomic)) == nil
        }
        guard !failures.contains(true) else { return nil }
        carry.reuse.state = state
        var report = SiteBuilder.Report(diagnostics: [], succeeded: true, pages: state.specs.count)
        report.files = rendered.count
        report.written = rendered.count
        report.rendered = rendered.count
        report.seconds = SiteBuilder.seconds(clock.now - start)
        lastWork = Work(filesRead: changed.count, markdownRendered: 0, pagesRendered: rendered.count)
        return report
    }

    /// The pages showing the edited texts, their values updated; nil when an edit is not only of a body.
    private func markdownEdit(_ changed: Set<String>, state: inout RenderState) -> [Int]? {
        let content = fingerprint.roots[0]
        var replacements: [String: String] = [:]
        for path in changed {
            guard path.hasPrefix(content), !path.hasPrefix(content + "tru-cot/"),
                case .markdown(let old)? = carry.files[path],
                let new = try? MarkdownSource.load(URL(fileURLWithPath: path), displayPath: old.file),
                new.bodyLine == old.bodyLine, Self.canonical(new.frontMatter) == Self.canonical(old.frontMatter)
            else { return nil }
            if new.body == old.body { continue }
            // <dti-table> elements change what the data page lists and what validation checks.
            guard !old.body.contains("<dti-table"), !new.body.contains("<dti-table") else { return nil }
            let oldPage = MarkdownPage(file: old.file, slug: "", title: "", summary: "", body: old.body, bodyLine: old.bodyLine)
            guard let before = carry.reuse.markdown[RenderReuse.markdownKey(oldPage)] else { return nil }
            let after = state.renderer.markdown.render(new.body, file: new.file, firstLine: new.bodyLine)
            // A text with warnings (before or now) changes the build's report: the whole build says it.
            guard before.diagnostics.isEmpty, after.diagnostics.isEmpty, before.tables.isEmpty, after.tables.isEmpty else {
                return nil
            }
            replacements[before.html] = after.html
        }
        // A page's values hold long texts (tables, charts): only those of an edited text's length are
        // compared, not hashed one by one.
        let lengths = Set(replacements.keys.map(\.utf8.count))
        var edited: [Int] = []
        for index in state.specs.indices {
            var values = state.specs[index].content.values
            var replaced = false
            for (key, value) in values {
                if let html = value as? String, lengths.contains(html.utf8.count), let new = replacements[html] {
                    values[key] = new
                    replaced = true
                }
            }
            guard replaced else { continue }
            state.specs[index].content = TemplateContext(values)
            edited.append(index)
        }
        return edited.isEmpty && !replacements.isEmpty ? nil : edited
    }

    /// The pages drawn by the edited templates, the new templates in `state`; nil when a template every
    /// page or its values hold changed, or the templates have an error or a warning.
    private func templateEdit(_ changed: Set<String>, state: inout RenderState) -> [Int]? {
        let names = Set(changed.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent })
        guard names.isDisjoint(with: ["layout", "header", "footer", "table", "chart"]),
            changed.allSatisfy({ FileManager.default.fileExists(atPath: $0) })
        else { return nil }
        var diagnostics = Diagnostics()
        let theme = Theme.load(options.themeDirectory, displayPrefix: options.themeDirectory.lastPathComponent, into: &diagnostics)
        let templates = TemplateSet.compile(theme.templates, into: &diagnostics)
        guard diagnostics.all.isEmpty, templates.names == state.templates.names else { return nil }
        let old = state.templates
        state.templates = templates
        return state.specs.indices.filter {
            templates.fingerprint(of: state.specs[$0].template) != old.fingerprint(of: state.specs[$0].template)
        }
    }

    /// Front matter as text that is equal exactly when the values and their places are (its entries are
    /// a dictionary, whose order is not its own).
    static func canonical(_ frontMatter: FrontMatter) -> String {
        frontMatter.entries.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.value)@\($0.value.location)" }.joined(separator: "\n")
    }
}
