import Dispatch
import Foundation

/// Render: takes the `Site`, the analysis, the compiled templates and the theme's static files; returns
/// every output file. The page builders make their pages (concurrently, each returning a `PageSet`),
/// the assemble stage completes the site, then the pages go through the templates concurrently.
struct SiteRenderer: Sendable {
    let site: Site
    let analysis: ScoreAnalysis
    let templates: TemplateSet
    let markdown: MarkdownRenderer
    let assets: [OutputFile]
    let charts: ChartFactory
    /// Every word the pages show, in the site's language.
    let phrases: Phrases

    var config: SiteConfig { site.config }
    /// The site's base path ("/cds/"), worked out from base_url once: every link needs it.
    let base: String

    init(site: Site, analysis: ScoreAnalysis, templates: TemplateSet, assets: [OutputFile]) {
        self.site = site
        self.analysis = analysis
        self.templates = templates
        self.assets = assets
        let phrases = Phrases.of(site.config.language)
        self.phrases = phrases
        let charts = ChartFactory(site: site, analysis: analysis, phrases: phrases)
        self.charts = charts
        let base = site.config.basePath
        self.base = base
        let published = site.publishedTables
        self.markdown = MarkdownRenderer(basePath: base, allowRawHTML: site.config.unsafeHTML) { element, location in
            if element.name == "dti-table" {
                return Self.publishedTable(
                    element, at: location, tables: published, templates: templates, base: base, phrases: phrases.site)
            }
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
                "<figure class=\"chart chart-inline\"><div class=\"chart-svg\">\(chart.svg)</div><figcaption><span class=\"chart-finding\">\(Escape.html(chart.summary))</span> <a href=\"\(base)nhung/\(chart.id)/\">\(phrases.charts.embedLink)</a></figcaption></figure>\n"
            return MarkdownRenderer.Result(html: html, headings: [], diagnostics: [])
        }
    }

    /// `<dti-table src="ten-bang.csv" title="…">`: a CSV of data/ drawn like every table of the site
    /// (escaped, sortable, with its downloads).
    static func publishedTable(
        _ element: CustomElement, at location: SourceLocation, tables: [String: PublishedTable], templates: TemplateSet, base: String,
        phrases: SitePhrases
    ) -> MarkdownRenderer.Result {
        let src = element.attributes["src"] ?? ""
        guard let source = tables[PublishedTableRules.tableName(src)] else {
            let names = tables.keys.sorted().map { $0 + ".csv" }
            return MarkdownRenderer.Result(
                html: "", headings: [],
                diagnostics: [
                    .warning(
                        location,
                        "<dti-table>: không có bảng \"\(src)\" trong Content/data/"
                            + (names.isEmpty ? "" : " (có: \(names.joined(separator: ", ")))"))
                ])
        }
        var table = DataTable(
            id: "bang-" + Slug.make(source.name), title: element.attributes["title"] ?? source.name,
            columns: Self.columns(source.header),
            rows: source.rows.map { row in source.header.indices.map { $0 < row.count && !row[$0].isEmpty ? .text(row[$0]) : .missing } })
        table.source = element.attributes["source"]
        let html = templates.render(TemplateContext(table.context(basePath: base, phrases: phrases)), template: "table") ?? ""
        return MarkdownRenderer.Result(html: html, headings: [], diagnostics: [], tables: [table])
    }

    /// Columns named as the file's header names them (the downloads keep those names); an empty or
    /// repeated name becomes "cot-N".
    static func columns(_ header: [String]) -> [DataTable.Column] {
        var seen: Set<String> = []
        return header.enumerated().map { index, name in
            let key = name.trimmingCharacters(in: .whitespaces)
            return DataTable.Column(!key.isEmpty && seen.insert(key).inserted ? key : "cot-\(index + 1)", name)
        }
    }

    /// The builders of the site's content pages. Each gets its own `PageBuildContext` and returns what it
    /// made (`PageSet`): no builder sees another's work, so they run concurrently, in any order.
    static let builders: [PageBuilder.Type] = [
        HomePageBuilder.self, PillarPageBuilder.self, RankingPageBuilder.self, DocumentPageBuilder.self,
        StaticPageBuilder.self, VNeIDPageBuilder.self, PlanPageBuilder.self
    ]

    /// pages → assemble → templates: every output file, reusing the previous build's file for every page
    /// whose inputs did not change.
    func render(into diagnostics: inout Diagnostics, reuse cache: inout RenderReuse) -> [OutputFile] {
        let metrics = StageMetrics()
        defer { metrics.report() }
        let markdown = renderAllMarkdown(reuse: &cache)
        metrics.mark("  markdown")
        let sets = Concurrent.map(count: Self.builders.count) { i in
            PageBuildContext.build(Self.builders[i], renderer: self, markdown: markdown)
        }
        metrics.mark("  pages")
        let assembled = SiteAssembler(renderer: self).assemble(sets)
        for set in sets { diagnostics.append(contentsOf: set.diagnostics) }
        metrics.mark("  assemble")
        let pngs = config.chartPNG ? ChartRasters.files(for: sets.flatMap(\.charts), reuse: &cache, into: &diagnostics) : []
        metrics.mark("  png")
        let specs = assembled.pages
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
            hasher.add(templateSet.fingerprint(of: spec.template) + "|" + spec.template + "|")
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
        files += assembled.files
        files += pngs
        files += assembled.searchIndex.value
        metrics.mark("  search index (waited)")
        metrics.note("  search index (built beside the templates)", assembled.searchIndex.duration)
        files.append(chartCSS)
        if cache.keepsState { cache.state = RenderState(renderer: self, specs: specs, sections: sections, layout: layout) }
        DeferredRelease.release(specs, sets)
        return files
    }

    /// Every Markdown text of the site, rendered concurrently before the pages are assembled.
    /// Texts whose result `reuse` holds (a session's previous build, same text, same generation) are not rendered again.
    func renderAllMarkdown(reuse: inout RenderReuse) -> [String: MarkdownRenderer.Result] {
        let pages = site.pillars.map(\.source) + site.documents.map(\.page) + site.pages + (site.home.map { [$0] } ?? [])
        let renderer = markdown
        let keys = pages.map(RenderReuse.markdownKey)
        let known = keys.map { reuse.markdown[$0] }
        let results = Concurrent.map(count: pages.count) { i -> MarkdownRenderer.Result in
            if let result = known[i] { return result }
            let page = pages[i]
            var result = renderer.render(page.body, file: page.file, firstLine: page.bodyLine)
            result.plainText = PlainText.of(result.html)
            return result
        }
        reuse.markdownRendered = known.count { $0 == nil }
        reuse.markdown = Dictionary(zip(keys, results), uniquingKeysWith: { _, later in later })
        reuse.markdownUsesData = Set(zip(keys, pages).filter { $0.1.body.containsBytes(of: "<dti-") }.map(\.0))
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
            "language": config.language.rawValue,
            "unit": config.unit,
            "asOf": VietnameseFormat.date(config.asOf),
            "asOfISO": config.asOf.description,
            "year": config.asOf.year
        ]
        if let publisher = config.publisher { siteValues["publisher"] = publisher }
        if let note = config.sourceNote { siteValues["sourceNote"] = note }
        // Pages of a build with relative links differ from the same pages with root links.
        if config.relativeURLs { siteValues["relativeURLs"] = true }
        var values: [String: Any] = ["site": siteValues]
        let css = assets.first { $0.path.hasSuffix(".css") }
        values["stylesheet"] = base + (css?.path ?? "assets/site.css") + "?v=" + Fingerprint.short(css?.contents ?? [])
        return values
    }

    func navigation(current section: String) -> [[String: Any]] {
        let words = phrases.site
        var items: [(String, String, String)] = [(words.overview, "", "home")]
        if !site.pillars.isEmpty { items.append((words.pillars, "tru-cot/", "tru-cot")) }
        if let year = analysis.latest?.year { items.append((words.rankings, "xep-hang/\(year)/", "xep-hang")) }
        if !site.documents.isEmpty { items.append((words.documents, "van-ban/", "van-ban")) }
        if !site.vneid.isEmpty { items.append((words.vneid, "vneid/", "vneid")) }
        if !site.agencies.isEmpty, !site.tasks.isEmpty { items.append((words.agencies, "co-quan/", "co-quan")) }
        if !site.targets.isEmpty { items.append((words.targets, "muc-tieu/", "muc-tieu")) }
        items.append((words.data, "du-lieu/", "du-lieu"))
        items.append((words.search, "tim-kiem/", "tim-kiem"))
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
                "noindex": !spec.inSitemap,
                "image": spec.image.flatMap { config.chartPNG ? config.baseURL + $0 : nil } ?? false
            ] as [String: Any]
        values["breadcrumbs"] = spec.breadcrumbs.map { ["title": $0.title, "href": base + $0.path] }
        values["hasBreadcrumbs"] = !spec.breadcrumbs.isEmpty
        return values
    }
}
