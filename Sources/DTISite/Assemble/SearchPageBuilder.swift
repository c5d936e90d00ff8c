import Foundation

/// /tim-kiem/: a search page. Without JavaScript it is a complete index of the site's pages; with it,
/// a small script (assets/search.js) filters that list from search-index.json as the reader types,
/// ignoring accents ("lai chau" finds "Lai Châu").
enum SearchPageBuilder {
    /// The search page, and the index of `pages` it reads (`search-index.json`).
    static func pages(indexing pages: [PageSpec], base: String) -> (pages: [PageSpec], index: OutputFile) {
        let indexed = pages.filter(\.inSitemap).sorted { $0.path < $1.path }
        let entries = Concurrent.map(indexed) { page in
            [
                ("title", page.title), ("url", base + page.path), ("summary", page.description),
                ("text", Self.excerpt(page.searchText, limit: 2000))
            ]
        }
        let index = OutputFile(path: "search-index.json", text: JSONText.array(of: entries, concurrently: true))
        let list = indexed.map { ["title": $0.title, "href": base + $0.path, "summary": $0.description] }
        let pages = [
            PageSpec(
                path: "tim-kiem/", title: "Tìm kiếm", description: "Tìm trong các trang của cổng thông tin",
                template: "search", content: TemplateContext(["entries": list, "index": base + "search-index.json"]),
                section: "tim-kiem", breadcrumbs: [("Tìm kiếm", "tim-kiem/")])
        ]
        return (pages, index)
    }

    /// The first `limit` code points of a page's text (text is NFC, so a Vietnamese letter is one),
    /// without walking grapheme clusters: it runs over every page of a national site.
    static func excerpt(_ text: String, limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        // Count code points on the bytes: each starts with a byte that is not 10xxxxxx.
        var copy = text
        let end = copy.withUTF8 { bytes -> Int in
            var points = 0
            for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 {
                if points == limit { return offset }
                points += 1
            }
            return bytes.count
        }
        let utf8 = text.utf8
        return String(text[..<utf8.index(utf8.startIndex, offsetBy: end)])
    }
}
