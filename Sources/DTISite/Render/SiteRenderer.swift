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
        let (markdown, markdownVersions) = renderAllMarkdown(reuse: &cache)
        metrics.mark("  markdown")
        // A builder whose inputs did not change since the session's previous build keeps what it made.
        var versions = cache.inputVersions
        if !versions.isEmpty { versions.merge(markdownVersions) { _, rendered in rendered } }
        let names = Self.builders.map { String(describing: $0) }
        let keys = Self.builders.map { SiteInput.key(String(describing: $0), $0.reads, versions: versions) }
        let before = cache.builders
        let derived = cache.derived
        derived.versions = versions
        // As jobs, not a map: the VNeID builder maps its districts concurrently.
        let built = Concurrent.jobs(count: Self.builders.count) { [self] i -> (BuilderMemo, Duration) in
            if let key = keys[i], let memo = before[names[i]], memo.key == key { return (memo, .zero) }
            let start = ContinuousClock.now
            let set = PageBuildContext.build(Self.builders[i], renderer: self, markdown: markdown, derived: derived)
            return (BuilderMemo(key: keys[i] ?? 0, set: set), ContinuousClock.now - start)
        }
        let memos = built.map(\.0)
        for (name, (memo, time)) in zip(names, built) where before[name] !== memo { metrics.note("    \(name)", time) }
        cache.buildersRun = zip(names, memos).count { before[$0.0] !== $0.1 }
        cache.builders = [:]
        for (i, memo) in memos.enumerated() where keys[i] != nil { cache.builders[names[i]] = memo }
        let committed = cache.committed
        let reusable = Set(names.indices.filter { keys[$0] != nil && committed[names[$0]] == keys[$0] })
        let sets = memos.map(\.set)
        metrics.mark("  pages")
        let assembler = SiteAssembler(renderer: self)
        let assembled = assembler.assemble(memos)
        for set in sets { diagnostics.append(contentsOf: set.diagnostics) }
        metrics.mark("  assemble")
        let pngs = config.chartPNG ? ChartRasters.files(for: sets.flatMap(\.charts), reuse: &cache, into: &diagnostics) : []
        metrics.mark("  png")
        var specs = assembled.pages
        // The charts' rules, for the pages that show them inline (standalone files carry them inside).
        let chartCSS = OutputFile(path: "assets/bieu-do.css", text: ChartStyle.css + "\n")
        var layoutDictionary = layoutValues(pages: specs)
        layoutDictionary["chartStylesheet"] = base + chartCSS.path + "?v=" + Fingerprint.short(chartCSS.contents)
        // Values every page shares are converted and hashed once. The navigation (with the section
        // marked current) once per section, and with it the `header` and `footer` partials, which see
        // only shared values: the layout includes them as {{{partials.header}}} and {{{partials.footer}}}.
        let layout = layoutDictionary.mapValues { TemplateValues.prepare($0) }
        var sectionValues: [String: [String: TemplateValues.Prepared]] = [:]
        for section in Set(specs.map(\.section) + [SearchPageBuilder.section]) {
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
        // A page of a builder that was not run has the hash it had, while what every page shares and
        // the templates stay the same: its values are not prepared again.
        let shared = Self.sharedDigest(sections: sections, layout: layout, templates: templates)
        let known = specs.indices.map { index -> String? in
            guard let owner = assembled.owners[index], memos[owner].hashesFor == shared else { return nil }
            return memos[owner].hashes[specs[index].outputPath]
        }
        // A page whose file the previous build made is hashed first, without converting its values,
        // and rendered only when the hash differs.
        @Sendable func render(_ spec: PageSpec, known: String?) -> RenderedPage {
            if let hash = known, previous[spec.outputPath] == hash, let size = previousSizes[spec.outputPath] {
                return RenderedPage(bytes: nil, kept: size, hash: hash, fresh: false, time: .zero)
            }
            let pageValues = pageValues(spec), shared = sections[spec.section] ?? layout
            func hash(_ digest: UInt64) -> String {
                var hasher = ContentHasher()
                hasher.add(templateSet.fingerprint(of: spec.template) + "|" + spec.template + "|")
                hasher.add(digest)
                return hasher.hex
            }
            if let before = previous[spec.outputPath], let size = previousSizes[spec.outputPath] {
                let current = hash(TemplateValues.digest(pageValues, shared: shared))
                if current == before { return RenderedPage(bytes: nil, kept: size, hash: current, fresh: false, time: .zero) }
            }
            let values = TemplateValues.prepare(pageValues, shared: shared)
            let start = ContinuousClock.now
            let bytes = templateSet.render(prepared: values, template: spec.template).map { Array($0.utf8) }
            return RenderedPage(bytes: bytes, kept: nil, hash: hash(values.digest), fresh: true, time: ContinuousClock.now - start)
        }
        let pageSpecs = specs
        var rendered = Concurrent.map(count: pageSpecs.count) { render(pageSpecs[$0], known: known[$0]) }
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
        for memo in memos where memo.hashesFor != shared {
            memo.hashes = [:]
            memo.hashesFor = shared
        }
        for (index, owner) in assembled.owners.enumerated() {
            if let owner { memos[owner].hashes[specs[index].outputPath] = rendered[index].hash }
        }
        var files: [OutputFile] = []
        func add(_ spec: PageSpec, _ page: RenderedPage) {
            if let size = page.kept {
                cache.current[spec.outputPath] = page.hash
                files.append(.kept(path: spec.outputPath, size: size))
                return
            }
            guard let bytes = page.bytes else {
                diagnostics.error(
                    SourceLocation(file: "Theme/templates/\(spec.template).mustache"),
                    "không dựng được trang /\(spec.path) từ mẫu \"\(spec.template)\" (mẫu không tồn tại?)")
                return
            }
            cache.current[spec.outputPath] = page.hash
            if page.fresh { cache.rendered += 1 }
            files.append(OutputFile(path: spec.outputPath, contents: bytes))
        }
        for (spec, page) in zip(specs, rendered) { add(spec, page) }
        metrics.mark("  templates")
        // A dev server shows the changed pages now; the search page and index and the other files follow.
        if let ready = cache.pagesReady, !diagnostics.hasErrors {
            var pages = files.filter { $0.keptSize == nil }
            if config.relativeURLs { pages = RelativeURLs.apply(pages, base: base) }
            ready(pages)
        }
        // The search page says how many documents its index holds: it waits for the index.
        let search = assembled.search.value
        metrics.mark("  search index (waited)")
        metrics.note("  search index (built beside the templates)", assembled.search.duration)
        let searchPage = render(search.page, known: nil)
        add(search.page, searchPage)
        specs.append(search.page)
        rendered.append(searchPage)
        files += assembler.files(assembled, memos, reusable: reusable, intact: cache.previousSizes)
        files += pngs
        files += search.files
        files.append(chartCSS)
        if cache.keepsState { cache.state = RenderState(renderer: self, specs: specs, sections: sections, layout: layout) }
        DeferredRelease.release(specs)
        return files
    }

    /// A page through its template: its file, or the size of the previous build's file it keeps.
    struct RenderedPage: Sendable {
        var bytes: [UInt8]?
        var kept: Int?
        var hash: String
        var fresh: Bool
        var time: Duration
    }

    /// A hash of the values every page shares (by section) and of the templates.
    static func sharedDigest(
        sections: [String: [String: TemplateValues.Prepared]], layout: [String: TemplateValues.Prepared], templates: TemplateSet
    ) -> UInt64 {
        var hasher = ContentHasher()
        for (section, values) in sections.sorted(by: { $0.key < $1.key }) {
            hasher.add("|section|" + section)
            for (key, value) in values.sorted(by: { $0.key < $1.key }) {
                hasher.add("|" + key)
                hasher.add(value.digest)
            }
        }
        for (key, value) in layout.sorted(by: { $0.key < $1.key }) {
            hasher.add("|layout|" + key)
            hasher.add(value.digest)
        }
        for name in templates.names.sorted() { hasher.add("|" + name + "|" + templates.fingerprint(of: name)) }
        return hasher.digest
    }

    /// Every Markdown text of the site, rendered concurrently before the pages are assembled.
    /// Texts whose result `reuse` holds (a session's previous build, same text, same generation) are not rendered again.
    /// Also returns a version of the results of each kind of text (`md:pillars`, `md:documents`,
    /// `md:pages`, `md:home`): what the page builders that show them read.
    func renderAllMarkdown(reuse: inout RenderReuse) -> (byFile: [String: MarkdownRenderer.Result], versions: [String: UInt64]) {
        let kinds: [(String, [MarkdownPage])] = [
            ("md:pillars", site.pillars.map(\.source)), ("md:documents", site.documents.map(\.page)), ("md:pages", site.pages),
            ("md:home", site.home.map { [$0] } ?? [])
        ]
        let pages = kinds.flatMap(\.1)
        let renderer = markdown
        let keys = pages.map(RenderReuse.markdownKey)
        let known = keys.map { key in reuse.markdown[key].map { ($0, reuse.markdownDigests[key] ?? 0) } }
        let results = Concurrent.map(count: pages.count) { i -> (MarkdownRenderer.Result, UInt64) in
            if let result = known[i] { return result }
            let page = pages[i]
            var result = renderer.render(page.body, file: page.file, firstLine: page.bodyLine)
            result.plainText = PlainText.of(result.html)
            return (result, Self.digest(result))
        }
        reuse.markdownRendered = known.count { $0 == nil }
        reuse.markdown = Dictionary(zip(keys, results.map(\.0)), uniquingKeysWith: { _, later in later })
        reuse.markdownDigests = Dictionary(zip(keys, results.map(\.1)), uniquingKeysWith: { _, later in later })
        reuse.markdownUsesData = Set(zip(keys, pages).filter { $0.1.body.containsBytes(of: "<dti-") }.map(\.0))
        var byFile: [String: MarkdownRenderer.Result] = [:]
        for (page, result) in zip(pages, results) { byFile[page.file] = result.0 }
        var versions: [String: UInt64] = [:]
        var offset = 0
        for (kind, texts) in kinds {
            var hasher = ContentHasher()
            for (page, result) in zip(texts, results[offset..<(offset + texts.count)]) {
                hasher.add(page.file)
                hasher.add(result.1)
            }
            offset += texts.count
            versions[kind] = hasher.digest
        }
        return (byFile, versions)
    }

    /// What a page reads of a rendered text: its HTML, plain text, messages and tables (drawn in its HTML).
    static func digest(_ result: MarkdownRenderer.Result) -> UInt64 {
        var hasher = ContentHasher()
        hasher.add(result.html)
        hasher.add("|")
        hasher.add(result.plainText)
        for diagnostic in result.diagnostics { hasher.add("|" + diagnostic.description) }
        for table in result.tables { hasher.add("|" + table.id) }
        return hasher.digest
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
