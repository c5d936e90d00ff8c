/// One page to render: where it goes, which template draws it, and the values the template sees.
public struct PageSpec: Sendable {
    /// Directory-style path under the site root: "" for the home page, "tru-cot/ha-tang-so/".
    /// Special files give the full name: "404.html".
    public var path: String
    public var title: String
    public var description: String
    public var template: String
    public var content: TemplateContext
    /// Listed in sitemap.xml (not the 404 page nor chart embeds).
    public var inSitemap: Bool = true
    /// Section of the navigation that is current: "tru-cot", "xep-hang", …
    public var section: String
    public var breadcrumbs: [(title: String, path: String)] = []
    /// Pages without the site's header and footer (chart embeds).
    public var bare: Bool = false
    /// Extra words for the search index (the plain text of a Markdown body).
    public var searchText: String = ""

    public var outputPath: String { path.hasSuffix(".html") ? path : path + "index.html" }
}

/// A file the build writes: a path relative to the output directory and its bytes — or, for a page
/// whose inputs did not change since the previous build (`RenderCache`), only the size of the file
/// already there, which the writer keeps without reading it.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var contents: [UInt8]
    /// Set when the previous build's file is kept as it is; `contents` is then empty.
    public var keptSize: Int?

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    /// The previous build's file at `path`, `size` bytes, kept.
    public static func kept(path: String, size: Int) -> OutputFile {
        var file = OutputFile(path: path, contents: [])
        file.keptSize = size
        return file
    }

    public var size: Int { keptSize ?? contents.count }

    public init(path: String, text: String) {
        self.init(path: path, contents: Array(text.utf8))
    }
}
