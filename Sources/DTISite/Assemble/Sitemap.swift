/// sitemap.xml per sitemaps.org: every indexable page, with the data's as_of date as lastmod.
enum Sitemap {
    static func xml(baseURL: String, paths: [String], lastModified: LocalDate) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths.sorted() {
            out += "  <url><loc>\(Escape.xml(baseURL + path))</loc><lastmod>\(lastModified)</lastmod></url>\n"
        }
        return out + "</urlset>\n"
    }
}
