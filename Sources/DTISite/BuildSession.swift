import Foundation

/// A build kept in memory between builds: the parsed files of Content/, the input fingerprint's
/// digests, the rendered Markdown and the page hashes. `build(changed:)` rebuilds after a set of input
/// files changed: it rereads and rehashes only those files, renders again only the Markdown texts that
/// changed (all of them when a data table or site.toml did: charts in Markdown draw from the data),
/// runs the templates only for pages whose values changed, and writes only files whose bytes changed.
/// A first build, or `changed: nil`, reads everything. This is what `dtisite build` runs (once), and
/// the seam a dev server rebuilds through on every edit.
final class BuildSession: @unchecked Sendable {
    // One build at a time: a session is used from one thread (callers serialise their builds).
    let options: SiteBuilder.Options
    var fingerprint: InputFingerprint
    var carry = Pipeline.Carry()
    /// The last build succeeded: its output is what `quickBuild` patches.
    var lastSucceeded = false
    /// Where the last build wrote.
    var output: URL?
    /// The output's manifest as last read.
    let manifests = ManifestCache()

    /// What the last build did again rather than take over.
    struct Work: Equatable {
        var filesRead = 0
        var markdownRendered = 0
        var pagesRendered = 0
        /// Page builders run (the others' pages were taken over from the previous build).
        var buildersRun = 0
    }
    var lastWork = Work()

    /// `keepsPages`: keep every page's values after a build, so that `quickBuild` can re-render one
    /// page (a dev server); a plain build frees them.
    init(_ options: SiteBuilder.Options, keepsPages: Bool = false) {
        self.options = options
        self.fingerprint = InputFingerprint(options)
        carry.reuse.keepsState = keepsPages
    }

    /// Builds into the output directory. `changed`: absolute paths of the input files that changed since
    /// the session's previous build (nil: any may have).
    ///
    /// `pagesReady` (a dev server): the pages that changed are written as soon as they are rendered —
    /// each replacing the previous build's intact file, atomically, as `quickBuild` writes — and it is
    /// called with their number; the rest of the site (the search index, downloads, new and removed
    /// files, the manifest) is written after, as usual. Until then the manifest does not list those
    /// pages' new inodes, so an interrupted build leaves them to be written again.
    func build(changed: Set<String>? = nil, pagesReady: (@Sendable (Int) -> Void)? = nil) -> SiteBuilder.Report {
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double { SiteBuilder.seconds(clock.now - start) }
        func failed(_ error: DiagnosticError) -> SiteBuilder.Report {
            var report = SiteBuilder.Report(diagnostics: error.diagnostics, succeeded: false)
            report.seconds = seconds()
            return report
        }
        lastWork = Work()
        lastSucceeded = false
        let metrics = StageMetrics()
        defer { metrics.report() }
        // Where the site goes is settled first: a refused output is refused before anything is read.
        let writer: SiteWriter
        let previous: SiteWriter.Previous
        do {
            var opened = SiteWriter(outputDirectory: try OutputGuard.resolve(options), force: options.force, hook: options.faultHook)
            opened.manifests = manifests
            writer = opened
            previous = try writer.open()
            output = writer.outputDirectory
        } catch {
            return failed(error)
        }
        metrics.mark("open the output")
        // Nothing read by the build changed and the output is as it was left: nothing to do.
        fingerprint.update(changed: changed)
        let inputs = fingerprint.value
        metrics.mark("fingerprint")
        // A session that keeps its pages renders them once, even when the output is current.
        if let manifest = previous.manifest, previous.isCurrent(fingerprint: inputs), !(carry.reuse.keepsState && carry.reuse.state == nil)
        {
            let warnings = manifest.warnings.map { Diagnostic(.warning, SourceLocation(file: ""), $0) }
            var report = SiteBuilder.Report(
                diagnostics: warnings + previous.diagnostics, succeeded: true, pages: manifest.pages, files: manifest.files.count)
            report.unchanged = manifest.files.count
            report.replayedWarnings = manifest.warnings + previous.diagnostics.map(\.description)
            report.seconds = seconds()
            lastSucceeded = true
            // The files changed back to what the output was built from (a broken table fixed by undoing
            // the edit): what a failed build read of them is stale, and is read again next time.
            if let changed { for path in changed { carry.files[path] = nil } } else { carry.files = [:] }
            return report
        }
        // A page is kept only when its hash is the previous build's and its file is intact.
        carry.reuse.previous = previous.manifest?.pageHashes ?? [:]
        carry.reuse.previousSizes = [:]
        carry.reuse.pendingSizes = previous.intactSizes
        carry.reuse.current = [:]
        carry.reuse.rendered = 0
        carry.reuse.markdownRendered = 0
        carry.changed = changed
        (carry.settingsGeneration, carry.generation) = markdownGeneration()
        carry.reuse.inputVersions = SiteInput.versions(
            content: fingerprint.roots[0], digests: fingerprint.digests,
            options: "\(options.baseURL ?? "")|\(options.relativeURLs)")
        carry.reuse.buildersRun = 0
        var theme = ContentHasher()
        for (path, digest) in fingerprint.digests.sorted(by: { $0.key < $1.key }) where path.hasPrefix(fingerprint.roots[1]) {
            theme.add("|" + path + "|")
            theme.add(digest)
        }
        carry.themeVersion = theme.digest
        if let pagesReady, !options.strict {
            let root = writer.root, checked = previous.intactSizes
            carry.reuse.pagesReady = { files in
                let intact = checked?.value ?? [:]
                let written = Concurrent.map(files) { file -> Bool in
                    // Only a page the previous build wrote and left intact: the output's own file.
                    guard intact[file.path] != nil else { return false }
                    let path = root + "/" + file.path
                    if FileSystem.contents(of: path, equal: file.contents) { return false }
                    let temporary = path + OutputPlan.temporarySuffix
                    guard FileSystem.writeFile(temporary, file.contents) == nil, rename(temporary, path) == 0 else {
                        unlink(temporary)
                        return false
                    }
                    return true
                }
                pagesReady(written.count { $0 })
            }
        }
        defer { carry.reuse.pagesReady = nil }
        let (files, pages, diagnostics) = Pipeline.prepare(options, carry: &carry)
        lastWork = Work(
            filesRead: carry.filesRead, markdownRendered: carry.reuse.markdownRendered, pagesRendered: carry.reuse.rendered,
            buildersRun: carry.reuse.buildersRun)
        var report = SiteBuilder.Report(diagnostics: (diagnostics.all + previous.diagnostics).sorted(), succeeded: false)
        report.rendered = carry.reuse.rendered
        let failed = diagnostics.hasErrors || (options.strict && !diagnostics.warnings.isEmpty)
        if !failed {
            let record = SiteWriter.Record(
                fingerprint: inputs, pages: pages,
                warnings: diagnostics.sorted.filter { $0.severity == .warning }.map(\.description),
                pageHashes: carry.reuse.current)
            do {
                metrics.mark("build")
                defer { metrics.mark("write") }
                let written = try writer.write(files, record: record, previous: previous)
                // The builders' files are in the output as they made them.
                carry.reuse.committed = carry.reuse.builders.mapValues(\.key)
                report.succeeded = true
                lastSucceeded = true
                report.pages = pages
                report.files = files.count
                report.written = written.written
                report.unchanged = written.unchanged
                report.removed = written.removed
            } catch {
                report.diagnostics += error.diagnostics
                report.outputTouched = error.touched
                carry.reuse.committed = [:]
            }
        }
        report.seconds = seconds()
        return report
    }

    /// What rendered Markdown depends on besides its own text. Every text: site.toml (base path, raw
    /// HTML) and the base URL option. A text with `<dti-…>` elements also: every other file of Content/
    /// that is not Markdown (the data tables its charts and tables draw from) and the pillar pages (a
    /// chart names its pillar by their titles).
    private func markdownGeneration() -> (settings: String, data: String) {
        var settings = ContentHasher(), data = ContentHasher()
        settings.add(options.baseURL ?? "")
        let content = fingerprint.roots[0]
        for (path, digest) in fingerprint.digests.sorted(by: { $0.key < $1.key })
        where path.hasPrefix(content) && (!path.hasSuffix(".md") || path.hasPrefix(content + "tru-cot/")) {
            if path == content + "site.toml" {
                settings.add(digest)
            } else {
                data.add("|" + path + "|")
                data.add(digest)
            }
        }
        // A <dti-table> is drawn with the theme's `table` template.
        let theme = fingerprint.roots[1] + "templates/"
        for (path, digest) in fingerprint.digests.sorted(by: { $0.key < $1.key }) where path.hasPrefix(theme) {
            data.add("|" + path + "|")
            data.add(digest)
        }
        return (settings.hex, data.hex)
    }
}
