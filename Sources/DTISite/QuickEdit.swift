import Foundation

/// The fast path of a dev server's rebuild: Markdown texts edited below their front matter. Their
/// title, summary, slug and order are the same, so no list, menu, sitemap or other page changes: the
/// texts are rendered again and the pages that show them are re-rendered from the values the last
/// build kept (`RenderState`) and written at once. What else depends on the text — its search index
/// entry, the feed — is brought up to date by the session's next `build(changed:)` with the same
/// files, which a dev server runs right after; until then the output's manifest does not list the new
/// files' inodes, so any build rewrites them.
extension BuildSession {
    /// The pages written, or nil when the change is not of this kind (or the last build failed): then
    /// `build(changed:)` does the work.
    func quickBuild(changed: Set<String>) -> SiteBuilder.Report? {
        let clock = ContinuousClock()
        let start = clock.now
        guard lastSucceeded, let output, var state = carry.reuse.state, !changed.isEmpty else { return nil }
        let content = fingerprint.roots[0]
        var replacements: [String: String] = [:]
        for path in changed {
            guard path.hasPrefix(content), path.hasSuffix(".md"), !path.hasPrefix(content + "tru-cot/"),
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
        var files: [OutputFile] = []
        for index in state.specs.indices {
            let spec = state.specs[index]
            var values = spec.content.values
            var replaced = false
            for (key, value) in values {
                if let html = value as? String, let new = replacements[html] {
                    values[key] = new
                    replaced = true
                }
            }
            guard replaced else { continue }
            var updated = spec
            updated.content = TemplateContext(values)
            guard let bytes = state.render(updated) else { return nil }
            state.specs[index] = updated
            files.append(OutputFile(path: updated.outputPath, contents: bytes))
        }
        guard !files.isEmpty || replacements.isEmpty else { return nil }
        if options.relativeURLs { files = RelativeURLs.apply(files, base: state.renderer.base) }
        var report = SiteBuilder.Report(diagnostics: [], succeeded: true, pages: state.specs.count)
        do {
            for file in files {
                try Data(file.contents).write(to: output.appendingPathComponent(file.path), options: .atomic)
            }
        } catch {
            return nil
        }
        carry.reuse.state = state
        report.files = files.count
        report.written = files.count
        report.rendered = files.count
        report.seconds = SiteBuilder.seconds(clock.now - start)
        lastWork = Work(filesRead: changed.count, markdownRendered: replacements.count, pagesRendered: files.count)
        return report
    }

    /// Front matter as text that is equal exactly when the values and their places are (its entries are
    /// a dictionary, whose order is not its own).
    static func canonical(_ frontMatter: FrontMatter) -> String {
        frontMatter.entries.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.value)@\($0.value.location)" }.joined(separator: "\n")
    }
}
