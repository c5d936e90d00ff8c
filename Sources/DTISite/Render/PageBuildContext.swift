import Foundation

/// A builder of one kind of page: takes the site, the analysis and the rendered Markdown (through the
/// context) and returns its pages; what they publish besides is registered in its own context.
protocol PageBuilder {
    static func pages(_ ctx: inout PageBuildContext) -> [PageSpec]
    /// The parts of the site it reads besides those every builder reads (`SiteInput.everywhere`): a
    /// session's build runs it again only when one of them changed. A part left out here leaves its
    /// pages stale after an edit (the session tests compare with a clean build).
    static var reads: Set<SiteInput> { get }
}

/// What one page builder made: its pages, the tables they offer for download, the chart files they
/// publish, the charts to embed, and the diagnostics of their Markdown. The assemble stage combines
/// the sets of all builders.
struct PageSet {
    var pages: [PageSpec] = []
    var tables: [String: DataTable] = [:]
    var files: [OutputFile] = []
    var charts: [PublishedChart] = []
    var diagnostics = Diagnostics()
}

/// One builder's workspace: what it reads (the renderer's site, analysis and charts, the Markdown
/// rendered ahead of time) and what it registers while it builds its pages.
struct PageBuildContext {
    let renderer: SiteRenderer
    var tables: [String: DataTable] = [:]
    var extraFiles: [OutputFile] = []
    var diagnostics = Diagnostics()
    /// Charts published so far; each gets an embed page.
    var embeds: [PublishedChart] = []

    /// Runs a builder in a fresh context and returns what it made.
    static func build(
        _ builder: PageBuilder.Type, renderer: SiteRenderer, markdown: [String: MarkdownRenderer.Result], derived: DerivedValues? = nil
    ) -> PageSet {
        var context = PageBuildContext(renderer: renderer)
        context.renderedMarkdown = markdown
        context.derived = derived
        let pages = builder.pages(&context)
        return PageSet(
            pages: pages, tables: context.tables, files: context.extraFiles, charts: context.embeds, diagnostics: context.diagnostics)
    }

    var site: Site { renderer.site }
    var analysis: ScoreAnalysis { renderer.analysis }
    var base: String { renderer.base }
    /// The words of the site's language.
    var phrases: Phrases { renderer.phrases }
    var display: Display { Display(phrases: renderer.phrases) }

    /// Registers a table for download only (the page draws it itself): just its links and source.
    mutating func download(_ table: DataTable) -> [String: Any] {
        tables[table.id] = table
        return ["csv": base + "du-lieu/\(table.id).csv", "json": base + "du-lieu/\(table.id).json", "source": table.source ?? ""]
    }

    /// Registers a table for download and returns its template context.
    mutating func table(_ table: DataTable) -> [String: Any] {
        tables[table.id] = table
        return table.context(basePath: base, phrases: phrases.site)
    }

    /// Markdown rendered ahead of time (concurrently), by file.
    var renderedMarkdown: [String: MarkdownRenderer.Result] = [:]
    /// What builders worked out in a session's previous builds, by the inputs it was made from.
    var derived: DerivedValues?

    /// A value made from the parts of the site named in `reads` (and those every builder reads) only:
    /// a session keeps it while they stay the same, so a builder run again for another part of its
    /// input does not redo it.
    func remember<T>(_ name: String, reads: Set<SiteInput>, _ make: () -> T) -> T {
        derived?.value(name, reads: reads, make) ?? make()
    }

    /// The plain text of a page's Markdown, for the search index.
    func searchText(_ page: MarkdownPage) -> String {
        renderedMarkdown[page.file]?.plainText ?? ""
    }

    mutating func markdown(_ page: MarkdownPage) -> String {
        let result = renderedMarkdown[page.file] ?? renderer.markdown.render(page.body, file: page.file, firstLine: page.bodyLine)
        diagnostics.append(contentsOf: result.diagnostics)
        for table in result.tables { tables[table.id] = table }
        return result.html
    }
}
