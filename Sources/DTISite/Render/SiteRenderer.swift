import Dispatch
import Foundation

/// Site + computed values → every output file. Page contexts are built first (cheap, in order),
/// then the pages are rendered through the templates concurrently.
struct SiteRenderer: Sendable {
    let site: Site
    let analysis: ScoreAnalysis
    let templates: TemplateSet
    let markdown: MarkdownRenderer
    let assets: [OutputFile]
    let charts: ChartFactory

    var config: SiteConfig { site.config }
    /// The site's base path ("/cds/"), worked out from base_url once: every link needs it.
    let base: String

    init(site: Site, analysis: ScoreAnalysis, templates: TemplateSet, assets: [OutputFile]) {
        self.site = site
        self.analysis = analysis
        self.templates = templates
        self.assets = assets
        let charts = ChartFactory(site: site, analysis: analysis)
        self.charts = charts
        let base = site.config.basePath
        self.base = base
        self.markdown = MarkdownRenderer(basePath: base, allowRawHTML: site.config.unsafeHTML) { element, location in
            guard let chart = charts.chart(for: element) else {
                return MarkdownRenderer.Result(
                    html: "", headings: [],
                    diagnostics: [
                        .warning(
                            location,
                            "<dti-chart>: không có biểu đồ kind=\"\(element.attributes["kind"] ?? "")\"\(element.attributes["pillar"].map { " pillar=\"\($0)\"" } ?? ""); dùng kind là một trong \(ChartFactory.kinds.joined(separator: ", ")) và pillar là id của một trụ cột có số liệu"
                        )
                    ])
            }
            let html =
                "<figure class=\"chart chart-inline\"><div class=\"chart-svg\">\(chart.svg)</div><figcaption><span class=\"chart-finding\">\(Escape.html(chart.summary))</span> <a href=\"\(base)nhung/\(chart.id)/\">Nhúng biểu đồ</a></figcaption></figure>\n"
            return MarkdownRenderer.Result(html: html, headings: [], diagnostics: [])
        }
    }

    /// Renders everything, reusing the previous build's file for every page whose inputs did not change.
    func render(into diagnostics: inout Diagnostics, cache: inout RenderCache) -> [OutputFile] {
        var context = PageBuildContext(renderer: self)
        let metrics = StageMetrics()
        defer { metrics.report() }
        context.renderedMarkdown = renderAllMarkdown()
        metrics.mark("  markdown")
        var pages: [PageSpec] = []
        pages += HomePageBuilder.pages(&context)
        metrics.mark("    HomePageBuilder")
        pages += PillarPageBuilder.pages(&context)
        metrics.mark("    PillarPageBuilder")
        pages += RankingPageBuilder.pages(&context)
        metrics.mark("    RankingPageBuilder")
        pages += DocumentPageBuilder.pages(&context)
        metrics.mark("    DocumentPageBuilder")
        pages += StaticPageBuilder.pages(&context)
        metrics.mark("    StaticPageBuilder")
        pages += VNeIDPageBuilder.pages(&context)
        metrics.mark("    VNeIDPageBuilder")
        pages += PlanPageBuilder.pages(&context)
        metrics.mark("    PlanPageBuilder")
        pages += DataPageBuilder.pages(&context)
        metrics.mark("    DataPageBuilder")
        pages += EmbedPageBuilder.pages(&context)
        metrics.mark("    EmbedPageBuilder")
        pages += SearchPageBuilder.pages(&context, indexing: pages)
        metrics.mark("    SearchPageBuilder")
        diagnostics.append(contentsOf: context.diagnostics)

        let specs = pages
        metrics.mark("  page contexts")
        // The charts' rules, for the pages that show them inline (standalone files carry them inside).
        let chartCSS = OutputFile(path: "assets/bieu-do.css", text: ChartStyle.css + "\n")
        var layoutDictionary = layoutValues(pages: specs)
        layoutDictionary["chartStylesheet"] = base + chartCSS.path + "?v=" + Fingerprint.short(chartCSS.contents)
        // Values every page shares are converted and hashed once. The navigation (with the section
        // marked current) once per section, and with it the `header` and `footer` partials, which see
        // only shared values: the layout includes them as {{{partials.header}}} and {{{partials.footer}}}.
        let layout = layoutDictionary.mapValues { TemplateValues.prepare($0) }
        var sectionValues: [String: [String: TemplateValues.Prepared]] = [:]
        for section in Set(specs.map(\.section)) {
            var shared = layout
            shared["nav"] = TemplateValues.prepare(navigation(current: section))
            let values = TemplateValues.prepare([:], shared: shared)
            var partials: [String: Any] = [:]
            for name in ["header", "footer"] where templates.names.contains(name) {
                partials[name] = templates.render(prepared: values, template: name) ?? ""
            }
            shared["partials"] = TemplateValues.prepare(partials)
            sectionValues[section] = shared
        }
        let sections = sectionValues
        let previous = cache.previous, previousSizes = cache.previousSizes
        let templateSet = templates
        let rendered = Concurrent.map(specs) { spec -> (bytes: [UInt8]?, kept: Int?, hash: String, fresh: Bool, time: Duration) in
            let values = TemplateValues.prepare(pageValues(spec), shared: sections[spec.section] ?? layout)
            var hasher = ContentHasher()
            hasher.add(templateSet.fingerprint + "|" + spec.template + "|")
            hasher.add(values.digest)
            let hash = hasher.hex
            if previous[spec.outputPath] == hash, let size = previousSizes[spec.outputPath] {
                return (nil, size, hash, false, .zero)
            }
            let start = ContinuousClock.now
            let bytes = templateSet.render(prepared: values, template: spec.template).map { Array($0.utf8) }
            return (bytes, nil, hash, true, ContinuousClock.now - start)
        }
        // DTISITE_TEMPLATE_METRICS=1 prints where template time goes, slowest first (like Hugo's --templateMetrics).
        if ProcessInfo.processInfo.environment["DTISITE_TEMPLATE_METRICS"] == "1" {
            var byTemplate: [String: (Duration, Int)] = [:]
            for (spec, time) in zip(specs, rendered.map(\.time)) {
                let current = byTemplate[spec.template] ?? (.zero, 0)
                byTemplate[spec.template] = (current.0 + time, current.1 + 1)
            }
            for (template, (time, count)) in byTemplate.sorted(by: { $0.value.0 > $1.value.0 }) {
                FileHandle.standardError.write(Data("\(template): \(count) trang, \(time)\n".utf8))
            }
        }
        var files: [OutputFile] = []
        for (spec, page) in zip(specs, rendered) {
            if let size = page.kept {
                cache.current[spec.outputPath] = page.hash
                files.append(.kept(path: spec.outputPath, size: size))
                continue
            }
            guard let bytes = page.bytes else {
                diagnostics.error(
                    SourceLocation(file: "Theme/templates/\(spec.template).mustache"),
                    "không dựng được trang /\(spec.path) từ mẫu \"\(spec.template)\" (mẫu không tồn tại?)")
                continue
            }
            cache.current[spec.outputPath] = page.hash
            if page.fresh { cache.rendered += 1 }
            files.append(OutputFile(path: spec.outputPath, contents: bytes))
        }
        metrics.mark("  templates")
        // Downloads, written concurrently: a national site has thousands of tables.
        let tables = context.tables.values.sorted { $0.id < $1.id }
        let downloads = Concurrent.map(tables) { table in
            [
                OutputFile(path: "du-lieu/\(table.id).csv", text: table.csv()),
                OutputFile(path: "du-lieu/\(table.id).json", text: table.json())
            ]
        }
        files += downloads.flatMap { $0 }
        metrics.mark("  downloads")
        files += context.extraFiles
        files.append(chartCSS)
        files.append(
            OutputFile(
                path: "sitemap.xml", text: Sitemap.xml(baseURL: config.baseURL, pages: specs.filter(\.inSitemap), lastModified: config.asOf)
            ))
        files.append(OutputFile(path: "feed.xml", text: Feed.atom(site: site)))
        files.append(OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)sitemap.xml\n"))
        files += assets
        DeferredRelease.release(specs, pages, context)
        return files
    }

    /// Every Markdown text of the site, rendered concurrently before the pages are assembled.
    func renderAllMarkdown() -> [String: MarkdownRenderer.Result] {
        let pages = site.pillars.map(\.source) + site.documents.map(\.page) + site.pages + (site.home.map { [$0] } ?? [])
        let renderer = markdown
        let results = Concurrent.map(pages) { page in
            var result = renderer.render(page.body, file: page.file, firstLine: page.bodyLine)
            result.plainText = PageBuildContext.plainText(result.html)
            return result
        }
        var byFile: [String: MarkdownRenderer.Result] = [:]
        for (page, result) in zip(pages, results) { byFile[page.file] = result }
        return byFile
    }

    /// Values every page shares: the site, the navigation, the assets.
    func layoutValues(pages: [PageSpec]) -> [String: Any] {
        var siteValues: [String: Any] = [
            "title": config.title,
            "description": config.description,
            "base": base,
            "url": config.baseURL,
            "language": config.language,
            "unit": config.unit,
            "asOf": VietnameseFormat.date(config.asOf),
            "asOfISO": config.asOf.description,
            "year": config.asOf.year
        ]
        if let publisher = config.publisher { siteValues["publisher"] = publisher }
        if let note = config.sourceNote { siteValues["sourceNote"] = note }
        var values: [String: Any] = ["site": siteValues]
        let css = assets.first { $0.path.hasSuffix(".css") }
        values["stylesheet"] = base + (css?.path ?? "assets/site.css") + "?v=" + Fingerprint.short(css?.contents ?? [])
        return values
    }

    func navigation(current section: String) -> [[String: Any]] {
        var items: [(String, String, String)] = [("Tổng quan", "", "home")]
        if !site.pillars.isEmpty { items.append(("Trụ cột", "tru-cot/", "tru-cot")) }
        if let year = analysis.latest?.year { items.append(("Xếp hạng", "xep-hang/\(year)/", "xep-hang")) }
        if !site.documents.isEmpty { items.append(("Văn bản", "van-ban/", "van-ban")) }
        if !site.vneid.isEmpty { items.append(("VNeID theo xã", "vneid/", "vneid")) }
        if !site.agencies.isEmpty, !site.tasks.isEmpty { items.append(("Cơ quan", "co-quan/", "co-quan")) }
        if !site.targets.isEmpty { items.append(("Mục tiêu", "muc-tieu/", "muc-tieu")) }
        items.append(("Dữ liệu", "du-lieu/", "du-lieu"))
        items.append(("Tìm kiếm", "tim-kiem/", "tim-kiem"))
        for page in site.pages.filter({ $0.order != nil }).sorted(by: { ($0.order!, $0.slug) < ($1.order!, $1.slug) }) {
            items.append((page.title, page.slug + "/", page.slug))
        }
        return items.map { ["title": $0.0, "href": base + $0.1, "current": $0.2 == section] }
    }

    /// What the page's template sees besides the values all pages share (`layoutValues`, `nav`).
    func pageValues(_ spec: PageSpec) -> [String: Any] {
        var values = spec.content.values
        let canonical = config.baseURL + (spec.path.hasSuffix(".html") ? spec.path : spec.path)
        values["page"] =
            [
                "title": spec.title,
                "fullTitle": spec.path.isEmpty ? config.title : spec.title + " – " + config.title,
                "description": spec.description.isEmpty ? config.description : spec.description,
                "canonical": canonical,
                "isHome": spec.path.isEmpty,
                "noindex": !spec.inSitemap
            ] as [String: Any]
        values["breadcrumbs"] = spec.breadcrumbs.map { ["title": $0.title, "href": base + $0.path] }
        values["hasBreadcrumbs"] = !spec.breadcrumbs.isEmpty
        return values
    }
}

/// Mutable state shared by the page builders while they build contexts (single-threaded):
/// the tables offered for download, extra files and the diagnostics of Markdown rendering.
struct PageBuildContext {
    let renderer: SiteRenderer
    var tables: [String: DataTable] = [:]
    var extraFiles: [OutputFile] = []
    var diagnostics = Diagnostics()
    /// Charts published so far; each gets an embed page.
    var embeds: [PublishedChart] = []

    var site: Site { renderer.site }
    var analysis: ScoreAnalysis { renderer.analysis }
    var base: String { renderer.base }

    /// Registers a table for download only (the page draws it itself): just its links and source.
    mutating func download(_ table: DataTable) -> [String: Any] {
        tables[table.id] = table
        return ["csv": base + "du-lieu/\(table.id).csv", "json": base + "du-lieu/\(table.id).json", "source": table.source ?? ""]
    }

    /// Registers a table for download and returns its template context.
    mutating func table(_ table: DataTable) -> [String: Any] {
        tables[table.id] = table
        return table.context(basePath: base)
    }

    /// Markdown rendered ahead of time (concurrently), by file.
    var renderedMarkdown: [String: MarkdownRenderer.Result] = [:]

    /// The plain text of a page's Markdown, for the search index.
    func searchText(_ page: MarkdownPage) -> String {
        renderedMarkdown[page.file]?.plainText ?? ""
    }

    mutating func markdown(_ page: MarkdownPage) -> String {
        let result = renderedMarkdown[page.file] ?? renderer.markdown.render(page.body, file: page.file, firstLine: page.bodyLine)
        diagnostics.append(contentsOf: result.diagnostics)
        return result.html
    }

    /// Text of rendered HTML without tags and with runs of white space collapsed, for the search
    /// index. Works on UTF-8 bytes: it runs over every page of a national site.
    static func plainText(_ html: String) -> String {
        var source = html
        if source.isEmpty { return "" }
        return source.withUTF8 { bytes -> String in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                var count = 0
                var inTag = false, pendingSpace = false
                var i = 0
                let n = bytes.count
                let base = bytes.baseAddress!
                while i < n {
                    if inTag {
                        // Skip the tag at once: tags are a good part of the bytes of rendered HTML.
                        guard let end = memchr(base + i, Int32(UInt8(ascii: ">")), n - i) else { break }
                        i = base.distance(to: end.assumingMemoryBound(to: UInt8.self)) + 1
                        inTag = false
                        pendingSpace = true
                        continue
                    }
                    let byte = bytes[i]
                    i += 1
                    switch byte {
                    case UInt8(ascii: "<"): inTag = true
                    case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t"), UInt8(ascii: "\r"): pendingSpace = true
                    default:
                        if pendingSpace, count > 0 {
                            out[count] = UInt8(ascii: " ")
                            count += 1
                        }
                        pendingSpace = false
                        if byte == UInt8(ascii: "&"), let (decoded, length) = Self.entity(bytes, at: i - 1) {
                            out[count] = decoded
                            count += 1
                            i += length - 1
                            continue
                        }
                        out[count] = byte
                        count += 1
                    }
                }
                return count
            }
        }
    }

    /// The five entities dtisite's own escaping writes, decoded; anything else stays as it is.
    private static func entity(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (UInt8, Int)? {
        func matches(_ name: StaticString) -> Bool {
            let length = name.utf8CodeUnitCount
            guard start + length <= bytes.count else { return false }
            return name.withUTF8Buffer { pattern in
                (0..<length).allSatisfy { bytes[start + $0] == pattern[$0] }
            }
        }
        if matches("&amp;") { return (UInt8(ascii: "&"), 5) }
        if matches("&lt;") { return (UInt8(ascii: "<"), 4) }
        if matches("&gt;") { return (UInt8(ascii: ">"), 4) }
        if matches("&quot;") { return (UInt8(ascii: "\""), 6) }
        if matches("&#39;") { return (UInt8(ascii: "'"), 5) }
        return nil
    }
}
