import Foundation

/// The pipeline, in one visible pass: load → validate → analyze → render → write.
/// Each stage reports everything it finds; the build stops after a stage that found errors,
/// before anything is written, so a failed build leaves the previous output as it was.
enum Pipeline {
    typealias Options = SiteBuilder.Options

    /// What a build reads that the next one may take over: the parsed files of Content/ (a session
    /// rereads only the changed ones) and what rendering may reuse.
    struct Carry: Sendable {
        var files: [String: ContentLoader.LoadedFile] = [:]
        /// Absolute paths of the inputs that changed since; nil: all of them may have.
        var changed: Set<String>?
        var reuse = RenderReuse()
        /// Files of Content/ read (not taken over) by the last build.
        var filesRead = 0
        /// A hash of what rendered Markdown depends on besides its own text: the settings every text
        /// reads (base path, raw HTML), and the data and pillar pages that its `<dti-…>` elements read.
        /// A text is reused only while what it reads stays the same.
        var settingsGeneration = ""
        var generation = ""
        /// Parts of validation, and the analysis, taken over while what they read stays the same
        /// (a session sets the versions of its inputs in `reuse`).
        var validation = SiteValidator.ValidationMemo()
        var analysis: (key: UInt64, value: ScoreAnalysis)?
        /// A hash of every file of Theme/ (set by a session), and the theme read with it.
        var themeVersion: UInt64?
        var theme: (key: UInt64, theme: Theme, templates: TemplateSet, diagnostics: Diagnostics)?
    }

    /// Everything up to rendering, without writing: what `check` runs.
    static func prepare(_ options: Options) -> (files: [OutputFile], pages: Int, diagnostics: Diagnostics) {
        var carry = Carry()
        return prepare(options, carry: &carry)
    }

    /// load → validate → analyze → render (pages, assemble, templates), each stage a function of what the
    /// one before returned.
    static func prepare(_ options: Options, carry: inout Carry) -> (files: [OutputFile], pages: Int, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let metrics = StageMetrics()
        defer { metrics.report() }
        guard let (content, theme, templates) = load(options, carry: &carry, into: &diagnostics) else { return ([], 0, diagnostics) }
        metrics.mark("load")
        carry.validation.versions = carry.reuse.inputVersions
        let site = SiteValidator.site(from: content, into: &diagnostics, memo: carry.validation)
        metrics.mark("validate")
        if diagnostics.hasErrors { return ([], 0, diagnostics) }
        let analysisKey = SiteInput.key("analyze", [.scores], versions: carry.reuse.inputVersions)
        let analysis: ScoreAnalysis
        if let analysisKey, let kept = carry.analysis, kept.key == analysisKey {
            analysis = kept.value
        } else {
            analysis = ScoreAnalysis(site: site)
            carry.analysis = analysisKey.map { ($0, analysis) }
        }
        metrics.mark("analyze")
        let assets = theme.staticFiles.map { OutputFile(path: $0.path, contents: $0.bytes) }
        let renderer = SiteRenderer(site: site, analysis: analysis, templates: templates, assets: assets)
        // Rendered Markdown stays valid while the settings its links read stay, and, for a text with
        // <dti-chart> or <dti-table> elements, the data they draw from.
        if carry.reuse.markdownSettings != carry.settingsGeneration {
            carry.reuse.markdown = [:]
        } else if carry.reuse.markdownGeneration != carry.generation {
            for key in carry.reuse.markdownUsesData { carry.reuse.markdown[key] = nil }
        }
        carry.reuse.markdownSettings = carry.settingsGeneration
        carry.reuse.markdownGeneration = carry.generation
        var files = renderer.render(into: &diagnostics, reuse: &carry.reuse)
        if options.relativeURLs { files = RelativeURLs.apply(files, base: site.config.basePath) }
        DeferredRelease.release(renderer, content, site)
        metrics.mark("render")
        return (files, files.filter { $0.path.hasSuffix(".html") }.count, diagnostics)
    }

    /// Content/ and Theme/ read, site.toml's base URL replaced by the option's, the templates compiled
    /// (their errors are reported with the content's, before validation).
    static func load(_ options: Options, carry: inout Carry, into diagnostics: inout Diagnostics) -> (LoadedContent, Theme, TemplateSet)? {
        let loader = ContentLoader(
            contentDirectory: options.contentDirectory,
            displayPrefix: options.contentDirectory.lastPathComponent)
        guard var content = loader.load(into: &diagnostics, reusing: carry.files, changed: carry.changed) else { return nil }
        carry.files = content.files
        carry.filesRead = content.filesRead
        if let baseURL = options.baseURL {
            switch SiteConfig.checkBaseURL(baseURL) {
            case .success(let url): content.config.baseURL = url
            case .failure(let problem):
                diagnostics.error(SourceLocation(file: "--base-url"), "địa chỉ \"\(baseURL)\" của tuỳ chọn -b/--base-url \(problem.reason)")
                return nil
            }
        }
        content.config.relativeURLs = options.relativeURLs
        // The theme and its compiled templates are taken over while no file of Theme/ changed.
        if let version = carry.themeVersion, let kept = carry.theme, kept.key == version {
            diagnostics.append(contentsOf: kept.diagnostics)
            return (content, kept.theme, kept.templates)
        }
        var themeDiagnostics = Diagnostics()
        let theme = Theme.load(options.themeDirectory, displayPrefix: options.themeDirectory.lastPathComponent, into: &themeDiagnostics)
        let templates = TemplateSet.compile(theme.templates, into: &themeDiagnostics)
        diagnostics.append(contentsOf: themeDiagnostics)
        carry.theme = carry.themeVersion.map { ($0, theme, templates, themeDiagnostics) }
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

    /// A time measured elsewhere (work done concurrently with the stages).
    func note(_ stage: String, _ duration: Duration) {
        guard enabled else { return }
        lines.append("\(stage): \(duration)")
    }

    func report() {
        guard enabled else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
