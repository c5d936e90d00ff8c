import Foundation

/// /tim-kiem/: the search page and its index. Without JavaScript the page lists the site's sections
/// and a hint (not every page: a national site has thousands); with it, assets/search.js reads the
/// query from the address (`/tim-kiem/?q=…`) or the field and fetches only the parts of the index
/// the query needs (`SearchIndex`).
enum SearchPageBuilder {
    static let path = "tim-kiem/"
    static let section = "tim-kiem"

    /// The search page and the files of its index, made on another thread: nothing else needs them
    /// before the other pages are rendered (the page says how many documents the index holds).
    static func pages(indexing pages: [PageSpec], renderer: SiteRenderer) -> Pending<(page: PageSpec, files: [OutputFile])> {
        Pending {
            let base = renderer.base
            let documents = SearchDocuments.documents(
                pages: pages, site: renderer.site, analysis: renderer.analysis, base: base, phrases: renderer.phrases)
            let sections = renderer.navigation(current: section).filter { ($0["current"] as? Bool) != true }.map {
                ["title": $0["title"] ?? "", "href": $0["href"] ?? ""]
            }
            let page = PageSpec(
                path: path, title: renderer.phrases.site.searchTitle, description: renderer.phrases.site.searchDescription,
                template: "search",
                content: TemplateContext([
                    "sections": sections, "index": base + SearchIndex.contentsPath, "count": VietnameseFormat.integer(documents.count)
                ]),
                section: section, breadcrumbs: [(renderer.phrases.site.search, path)])
            return (page, SearchIndex(documents: documents).files)
        }
    }

    /// The first `limit` code points of a page's text (text is NFC, so a Vietnamese letter is one),
    /// without walking grapheme clusters.
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
