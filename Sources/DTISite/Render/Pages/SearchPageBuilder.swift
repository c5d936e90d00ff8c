import Foundation

/// /tim-kiem/: a search page. Without JavaScript it is a complete index of the site's pages; with it,
/// a small script (assets/search.js) filters that list from search-index.json as the reader types,
/// ignoring accents ("lai chau" finds "Lai Châu").
enum SearchPageBuilder {
    static func pages(_ ctx: inout PageBuildContext, indexing pages: [PageSpec]) -> [PageSpec] {
        let indexed = pages.filter(\.inSitemap).sorted { $0.path < $1.path }
        let entries = indexed.map { page -> [(String, String)] in
            [("title", page.title), ("url", ctx.base + page.path), ("summary", page.description),
             ("text", Self.excerpt(page.searchText, limit: 2000))]
        }
        ctx.extraFiles.append(OutputFile(path: "search-index.json", text: JSONText.array(of: entries, concurrently: true)))
        let list = indexed.map { ["title": $0.title, "href": ctx.base + $0.path, "summary": $0.description] }
        return [PageSpec(path: "tim-kiem/", title: "Tìm kiếm", description: "Tìm trong các trang của cổng thông tin",
                         template: "search", content: TemplateContext(["entries": list, "index": ctx.base + "search-index.json"]),
                         section: "tim-kiem", breadcrumbs: [("Tìm kiếm", "tim-kiem/")])]
    }

    /// The first `limit` code points of a page's text (text is NFC, so a Vietnamese letter is one),
    /// without walking grapheme clusters: it runs over every page of a national site.
    static func excerpt(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        let scalars = text.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: limit, limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[..<end])
    }
}
