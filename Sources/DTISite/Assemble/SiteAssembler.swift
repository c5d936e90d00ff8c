import Foundation

/// Assemble: what the page builders returned → the whole site. Takes every builder's `PageSet`;
/// returns all pages (theirs, the data page listing their tables, an embed page per published chart,
/// the search page and its index) and every file that is not a page: downloads of each table, chart
/// files, sitemap, feed, robots.txt and the theme's static files. Nothing here is registered as a side
/// effect: each part is computed from what the builders made.
///
/// What is made from one builder's set alone (its tables' downloads, its charts' embed pages) is kept
/// with it (`BuilderMemo`), so a session's build makes it again only for the builders it ran. The files
/// of a builder whose output the last write left in place (`reusable`) are kept without being compared.
struct SiteAssembler {
    let renderer: SiteRenderer

    struct Assembled {
        var pages: [PageSpec]
        /// For each page, the builder (index in the builders' order) whose set alone it was made from.
        var owners: [Int?]
        /// The search page (not among `pages`) and the files of its index, still being made.
        var search: Pending<(page: PageSpec, files: [OutputFile])>
        /// Every table offered for download, by id, with the builder whose table it is.
        var tables: [(id: String, owner: Int)]
    }

    /// The pages of the site (the files that are not pages are made by `files`, once the pages are
    /// rendered: a dev server shows the pages first).
    func assemble(_ memos: [BuilderMemo]) -> Assembled {
        let config = renderer.site.config
        let base = renderer.base
        var pages: [PageSpec] = []
        var owners: [Int?] = []
        for (index, memo) in memos.enumerated() {
            pages += memo.set.pages
            owners += Array(repeating: index, count: memo.set.pages.count)
        }
        // A table offered by two builders is the later one's.
        var owner: [String: Int] = [:]
        for (index, memo) in memos.enumerated() { for id in memo.set.tables.keys { owner[id] = index } }
        let winner = owner
        let ids = winner.keys.sorted()
        let tables = ids.map { memos[winner[$0]!].set.tables[$0]! }
        pages += DataPageBuilder.pages(tables: tables, base: base, phrases: renderer.phrases.site)
        owners.append(nil)
        var seen: Set<String> = []
        for (index, memo) in memos.enumerated() {
            if memo.embeds == nil { memo.embeds = EmbedPageBuilder.pages(charts: memo.set.charts, config: config) }
            for page in memo.embeds! where seen.insert(page.path).inserted {
                pages.append(page)
                owners.append(index)
            }
        }
        let search = SearchPageBuilder.pages(indexing: pages, renderer: renderer)
        return Assembled(pages: pages, owners: owners, search: search, tables: ids.map { ($0, winner[$0]!) })
    }

    /// Every file that is not a page. `reusable`: indexes of the builders whose files are in the output
    /// as this set would make them; `intact`: the output's files still as the previous build wrote
    /// them, with their sizes.
    func files(_ assembled: Assembled, _ memos: [BuilderMemo], reusable: Set<Int>, intact: [String: Int]) -> [OutputFile] {
        let config = renderer.site.config
        let pages = assembled.pages
        var winner: [String: Int] = [:]
        for (id, owner) in assembled.tables { winner[id] = owner }
        let ids = assembled.tables.map(\.id)
        let owners = winner

        /// The file as the builder made it, or the output's copy when it is the same.
        func file(_ file: OutputFile, of builder: Int) -> OutputFile {
            guard reusable.contains(builder), intact[file.path] == file.contents.count else { return file }
            return .kept(path: file.path, size: file.contents.count)
        }
        var files: [OutputFile] = []
        for (index, memo) in memos.enumerated() { files += memo.set.files.map { file($0, of: index) } }
        // Downloads, made concurrently: a national site has thousands of tables.
        let missing = ids.filter { memos[winner[$0]!].downloads[$0] == nil }
        let made = Concurrent.map(missing) { id -> [OutputFile] in
            let table = memos[owners[id]!].set.tables[id]!
            return [
                OutputFile(path: "du-lieu/\(table.id).csv", text: table.csv()),
                OutputFile(path: "du-lieu/\(table.id).json", text: table.json())
            ]
        }
        for (id, downloads) in zip(missing, made) { memos[winner[id]!].downloads[id] = downloads }
        for id in ids {
            let owner = winner[id]!
            files += memos[owner].downloads[id]!.map { file($0, of: owner) }
        }
        files.append(
            OutputFile(
                path: "sitemap.xml",
                text: Sitemap.xml(
                    baseURL: config.baseURL, paths: pages.filter(\.inSitemap).map(\.path) + [SearchPageBuilder.path],
                    lastModified: config.asOf)
            ))
        files.append(OutputFile(path: "feed.xml", text: Feed.atom(site: renderer.site)))
        files.append(OutputFile(path: "robots.txt", text: "User-agent: *\nAllow: /\n\nSitemap: \(config.baseURL)sitemap.xml\n"))
        files += renderer.assets
        return files
    }
}
