import Foundation

/// The pipeline, in one visible pass: load → validate → analyze → render → write.
/// Each stage reports everything it finds; the build stops after a stage that found errors,
/// before anything is written, so a failed build leaves the previous output as it was.
enum Pipeline {
    typealias Options = SiteBuilder.Options

    /// Everything up to rendering, without writing: what `check` runs.
    static func prepare(_ options: Options) -> (files: [OutputFile], pages: Int, diagnostics: Diagnostics) {
        var cache = RenderCache()
        return prepare(options, cache: &cache)
    }

    /// load → validate → analyze → render, each stage a function of what the one before returned.
    static func prepare(_ options: Options, cache: inout RenderCache) -> (files: [OutputFile], pages: Int, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let metrics = StageMetrics()
        defer { metrics.report() }
        guard let (content, theme, templates) = load(options, into: &diagnostics) else { return ([], 0, diagnostics) }
        metrics.mark("load")
        let site = SiteValidator.validate(content, into: &diagnostics)
        metrics.mark("validate")
        if diagnostics.hasErrors { return ([], 0, diagnostics) }
        let analysis = ScoreAnalysis(site: site)
        metrics.mark("analyze")
        let assets = theme.staticFiles.map { OutputFile(path: $0.path, contents: $0.bytes) }
        let renderer = SiteRenderer(site: site, analysis: analysis, templates: templates, assets: assets)
        let files = renderer.render(into: &diagnostics, cache: &cache)
        DeferredRelease.release(renderer, content, site)
        metrics.mark("render")
        return (files, files.filter { $0.path.hasSuffix(".html") }.count, diagnostics)
    }

    /// Content/ and Theme/ read, site.toml's base URL replaced by the option's, the templates compiled
    /// (their errors are reported with the content's, before validation).
    static func load(_ options: Options, into diagnostics: inout Diagnostics) -> (LoadedContent, Theme, TemplateSet)? {
        let loader = ContentLoader(
            contentDirectory: options.contentDirectory,
            displayPrefix: options.contentDirectory.lastPathComponent)
        guard var content = loader.load(into: &diagnostics) else { return nil }
        if let baseURL = options.baseURL {
            switch SiteConfig.checkBaseURL(baseURL) {
            case .success(let url): content.config.baseURL = url
            case .failure(let problem):
                diagnostics.error(SourceLocation(file: "--base-url"), "địa chỉ \"\(baseURL)\" của tuỳ chọn -b/--base-url \(problem.reason)")
                return nil
            }
        }
        let theme = Theme.load(options.themeDirectory, displayPrefix: options.themeDirectory.lastPathComponent, into: &diagnostics)
        let templates = TemplateSet.compile(theme.templates, into: &diagnostics)
        return (content, theme, templates)
    }
}

/// DTISITE_STAGE_METRICS=1 prints how long each stage took, for profiling a site.
final class StageMetrics {
    private let enabled = ProcessInfo.processInfo.environment["DTISITE_STAGE_METRICS"] == "1"
    private var last = ContinuousClock.now
    private var lines: [String] = []

    func mark(_ stage: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        lines.append("\(stage): \(now - last)")
        last = now
    }

    func report() {
        guard enabled else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
