/// One page to render: where it goes, which template draws it, and the values the template sees.
struct PageSpec: Sendable {
    /// Directory-style path under the site root: "" for the home page, "tru-cot/ha-tang-so/".
    /// Special files give the full name: "404.html".
    var path: String
    var title: String
    var description: String
    var template: String
    var content: TemplateContext
    /// Listed in sitemap.xml (not the 404 page nor chart embeds).
    var inSitemap: Bool = true
    /// Section of the navigation that is current: "tru-cot", "xep-hang", …
    var section: String
    var breadcrumbs: [(title: String, path: String)] = []
    /// Extra words for the search index (the plain text of a Markdown body).
    var searchText: String = ""
    /// The picture of the page in link previews (`og:image`): the PNG of its first chart.
    var image: String?

    var outputPath: String { path.hasSuffix(".html") ? path : path + "index.html" }
}

/// A file the build writes: a path relative to the output directory and its bytes — or, for a page
/// whose inputs did not change since the previous build (`RenderReuse`), only the size of the file
/// already there, which the writer keeps without reading it.
struct OutputFile: Sendable, Hashable {
    var path: String
    var contents: [UInt8]
    /// Set when the previous build's file is kept as it is; `contents` is then empty.
    var keptSize: Int?

    init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    /// The previous build's file at `path`, `size` bytes, kept.
    static func kept(path: String, size: Int) -> OutputFile {
        var file = OutputFile(path: path, contents: [])
        file.keptSize = size
        return file
    }

    var size: Int { keptSize ?? contents.count }

    init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}
