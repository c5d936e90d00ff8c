import Foundation

/// Assemble: what the page builders returned → the whole site. Takes every builder's `PageSet`;
/// returns all pages (theirs, the data page listing their tables, an embed page per published chart,
/// the search page and its index) and every file that is not a page: downloads of each table, chart
/// files, sitemap, feed, robots.txt and the theme's static files. Nothing here is registered as a side
/// effect: each part is computed from what the builders made.
struct SiteAssembler {
    let renderer: SiteRenderer

    struct Assembled {
        var pages: [PageSpec]
        var files: [OutputFile]
        /// The files of the search index, still being made.
        var searchIndex: Pending<[OutputFile]>
    }

    func assemble(_ sets: [PageSet]) -> Assembled {
        let config = renderer.site.config
        let base = renderer.base
        var pages = sets.flatMap(\.pages)
        var tablesByID: [String: DataTable] = [:]
        for set in sets { tablesByID.merge(set.tables) { _, later in later } }
        let tables = tablesByID.values.sorted { $0.id < $1.id }
        pages += DataPageBuilder.pages(tables: tables, base: base, phrases: renderer.phrases.site)
        pages += EmbedPageBuilder.pages(charts: sets.flatMap(\.charts), config: config)
        let search = SearchPageBuilder.pages(indexing: pages, renderer: renderer)
        pages += search.pages

        var files = sets.flatMap(\.files)
        // Downloads, made concurrently: a national site has thousands of tables.
        files += Concurrent.map(tables) { table in
            [
                OutputFile(path: "du-lieu/\(table.id).csv", text: table.csv()),
                OutputFile(path: "du-lieu/\(table.id).json", text: table.json())
            ]
        }.flatMap { $0 }
        files.append(
            OutputFile(
                path: "sitemap.xml", text: Sitemap.xml(baseURL: config.baseURL, pages: pages.filter(\.inSitemap), lastModified: config.asOf)
            ))
        files.append(OutputFile(path: "feed.xml", text: Feed.atom(site: renderer.site)))
        files.append(OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)sitemap.xml\n"))
        files += renderer.assets
        return Assembled(pages: pages, files: files, searchIndex: search.files)
    }
}
