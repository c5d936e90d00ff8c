import Foundation

/// What a build may take over from the one before instead of doing it again.
///
/// - Pages: each page's input is everything its template sees — the values and the templates — reduced
///   to a hash (`TemplateValues.prepare`). When the previous build recorded the same hash for the same
///   output file and the writer found that file intact, the file is kept without rendering it.
/// - Markdown (a build session only): the rendered result of each Markdown text, by file and text,
///   valid while `markdownGeneration` (the data and settings a text's charts and links depend on) stays.
struct RenderReuse: Sendable {
    /// Output path → input hash, from the previous build's manifest.
    var previous: [String: String] = [:]
    /// The previous build's files that are still as it wrote them, and their sizes (the writer checked
    /// them: the renderer never looks at the output directory).
    var previousSizes: [String: Int] {
        get { pendingSizes?.value ?? storedSizes }
        set {
            storedSizes = newValue
            pendingSizes = nil
        }
    }
    private var storedSizes: [String: Int] = [:]
    /// The same, still being checked (a session's build: the writer checks them while it renders).
    var pendingSizes: Pending<[String: Int]>?
    /// Output path → input hash of this build, for the next manifest.
    var current: [String: String] = [:]
    /// Pages whose template was run in this build (the others were reused).
    var rendered = 0

    /// Markdown results by `markdownKey`, and what they were rendered against.
    var markdown: [String: MarkdownRenderer.Result] = [:]
    var markdownGeneration = ""
    var markdownSettings = ""
    /// Keys of the texts with `<dti-…>` elements: their results depend on the data too.
    var markdownUsesData: Set<String> = []
    /// Markdown texts rendered in this build (the others were reused).
    var markdownRendered = 0

    /// Digest of each Markdown result by `markdownKey` (what the pages that show it depend on).
    var markdownDigests: [String: UInt64] = [:]

    /// The versions of the input groups (`SiteInput.versions`), set by a session before each build;
    /// empty: nothing below is taken over.
    var inputVersions: [String: UInt64] = [:]
    /// Each page builder's last result, by builder name, and the keys of those whose files the last
    /// successful write left in the output (their downloads and chart files are kept without comparing).
    var builders: [String: BuilderMemo] = [:]
    var committed: [String: UInt64] = [:]
    /// What builders worked out from a few parts of the site.
    var derived = DerivedValues()
    /// Page builders run in this build (the others were taken over).
    var buildersRun = 0

    /// Called with the pages rendered again (not those kept), as soon as the templates are done and
    /// before the search index is waited for: a dev server writes them and reloads its pages at once.
    var pagesReady: (@Sendable ([OutputFile]) -> Void)?

    /// Keep what rendering made (`state`), for a session that re-renders a page without a whole build.
    var keepsState = false
    var state: RenderState?

    init(previous: [String: String] = [:], sizes: [String: Int] = [:]) {
        self.previous = previous
        self.previousSizes = sizes
    }

    static func markdownKey(_ page: MarkdownPage) -> String {
        var hasher = ContentHasher()
        hasher.add(page.body)
        return "\(page.file)|\(page.bodyLine)|\(hasher.hex)"
    }
}

/// What the templates of the last build saw: every page, and the values its section shares. A
/// session that keeps it re-renders one page after an edit of its Markdown text without building the
/// rest (`BuildSession.quickBuild`).
struct RenderState: @unchecked Sendable {
    // Built once, then only read, like `TemplateContext`.
    var renderer: SiteRenderer
    var specs: [PageSpec]
    var sections: [String: [String: TemplateValues.Prepared]]
    var layout: [String: TemplateValues.Prepared]
    /// The templates pages are rendered with (the renderer's, until a template is edited).
    var templates: TemplateSet

    init(
        renderer: SiteRenderer, specs: [PageSpec], sections: [String: [String: TemplateValues.Prepared]],
        layout: [String: TemplateValues.Prepared]
    ) {
        self.renderer = renderer
        self.specs = specs
        self.sections = sections
        self.layout = layout
        self.templates = renderer.templates
    }

    /// The page's file, as the full build renders it.
    func render(_ spec: PageSpec) -> [UInt8]? {
        let values = TemplateValues.prepare(renderer.pageValues(spec), shared: sections[spec.section] ?? layout)
        return templates.render(prepared: values, template: spec.template).map { Array($0.utf8) }
    }
}

/// A page builder's result kept by a session for the next build, with the key of everything it read.
/// What is made from it only (its tables' downloads, its charts' embed pages, its pages' hashes) is
/// kept with it.
final class BuilderMemo: @unchecked Sendable {
    // Made on one thread, then read; the lazily made parts are filled only on the build's thread.
    let key: UInt64
    let set: PageSet
    /// Table id → its CSV and JSON downloads, made the first time they were needed.
    var downloads: [String: [OutputFile]] = [:]
    /// The embed pages of its charts (before leaving out those of another builder's charts).
    var embeds: [PageSpec]?
    /// Output path → page hash, valid while `hashesFor` is the hash of the values every page shares
    /// and of the templates.
    var hashes: [String: String] = [:]
    var hashesFor: UInt64 = 0

    init(key: UInt64, set: PageSet) {
        self.key = key
        self.set = set
    }
}

/// Values page builders work out from a few parts of the site (`PageBuildContext.remember`), kept by a
/// session with the key of those parts' versions. Builders run concurrently: access is locked.
final class DerivedValues: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (key: UInt64, value: Any)] = [:]
    /// The versions of this build's inputs (`SiteInput.versions`); empty: nothing is kept.
    var versions: [String: UInt64] = [:]

    func value<T>(_ name: String, reads: Set<SiteInput>, _ make: () -> T) -> T {
        guard let key = SiteInput.key("derived:" + name, reads, versions: versions) else { return make() }
        lock.lock()
        let entry = entries[name]
        lock.unlock()
        if let entry, entry.key == key, let value = entry.value as? T { return value }
        let value = make()
        lock.lock()
        entries[name] = (key, value)
        lock.unlock()
        return value
    }
}
