import Dispatch
import Foundation

/// Load: takes the Content/ and Theme/ directories; returns what they hold, still raw — tables, front
/// matter and Markdown sources with their locations (`LoadedContent`), the theme's texts and bytes
/// (`Theme`), and the input fingerprint. Nothing is interpreted here beyond the file formats.

/// Everything read from Content/, still raw: tables and Markdown sources with their locations.
struct LoadedContent: Sendable {
    var config: SiteConfig
    /// Data tables by file name without extension: "dti", "units", …
    var tables: [String: RawTable]
    var pillarSources: [MarkdownSource]
    var documentSources: [MarkdownSource]
    var pageSources: [MarkdownSource]
    var homeSource: MarkdownSource?
    /// Tables whose file is there but could not be read (encoding, broken CSV): their error is reported,
    /// and what depends on them is not validated, so one cause gives one error.
    var unreadableTables: Set<String> = []
    /// Every file read and parsed, by absolute path: a session reuses those that did not change.
    var files: [String: ContentLoader.LoadedFile] = [:]
    /// How many of them were read this time (the others were taken over).
    var filesRead = 0
}

/// Reads a Content/ directory. Every file that cannot be read becomes a diagnostic; the loader
/// reads everything it can so one build reports all problems at once.
struct ContentLoader {
    let contentDirectory: URL
    /// How paths are shown in messages: relative to the project ("Content/data/dti.csv").
    let displayPrefix: String

    init(contentDirectory: URL, displayPrefix: String = "Content") {
        self.contentDirectory = contentDirectory.standardizedFileURL
        self.displayPrefix = displayPrefix
    }

    /// A file of Content/ read and parsed.
    enum LoadedFile: Sendable {
        case table(RawTable)
        case markdown(MarkdownSource)
    }

    /// Reads Content/. Files in `previous` are taken from there instead of being read again, unless
    /// their path is in `changed` (nil: every file is read).
    func load(into diagnostics: inout Diagnostics, reusing previous: [String: LoadedFile] = [:], changed: Set<String>? = nil)
        -> LoadedContent?
    {
        var config: SiteConfig?
        do {
            if let url = configFile(into: &diagnostics) {
                config = try SiteConfig.load(url, displayPath: display("site.toml"))
            }
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }

        // Tables and Markdown files are read and parsed concurrently, the tables first (a national
        // VNeID table is the longest single job); results keep file order.
        enum Job {
            case table(URL)
            case markdown(URL, folder: String)
        }
        enum Loaded {
            case table(RawTable)
            case markdown(MarkdownSource)
            case failed(DiagnosticError)
        }
        func reused(_ url: URL) -> LoadedFile? {
            guard let changed, !changed.contains(url.path) else { return nil }
            return previous[url.path]
        }
        let tableURLs = files(in: "data", extension: "csv", into: &diagnostics) + files(in: "data", extension: "json", into: &diagnostics)
        let pillarURLs = files(in: "tru-cot", extension: "md", into: &diagnostics)
        let documentURLs = files(in: "van-ban", extension: "md", into: &diagnostics)
        let topLevel = files(in: "", extension: "md", into: &diagnostics)
        let homeURLs = topLevel.filter { $0.lastPathComponent == "_index.md" }
        let pageURLs = topLevel.filter { $0.lastPathComponent != "_index.md" }
        let jobs: [Job] =
            tableURLs.map { .table($0) } + pillarURLs.map { .markdown($0, folder: "tru-cot") }
            + documentURLs.map { .markdown($0, folder: "van-ban") } + (homeURLs + pageURLs).map { .markdown($0, folder: "") }
        let prefix = displayPrefix
        let known = jobs.map { job -> LoadedFile? in
            switch job {
            case .table(let url), .markdown(let url, _): return reused(url)
            }
        }
        let results = Concurrent.map(count: jobs.count) { i -> Loaded? in
            switch known[i] {
            case .table(let table)?: return .table(table)
            case .markdown(let source)?: return .markdown(source)
            case nil: break
            }
            do throws(DiagnosticError) {
                switch jobs[i] {
                case .table(let url):
                    let shown = prefix + "/data/" + url.lastPathComponent
                    return .table(
                        url.pathExtension == "json"
                            ? try JSONTable.load(url, displayPath: shown)
                            : try RawTable.load(url, displayPath: shown))
                case .markdown(let url, let folder):
                    let name = url.lastPathComponent
                    return .markdown(
                        try MarkdownSource.load(url, displayPath: prefix + "/" + (folder.isEmpty ? name : folder + "/" + name)))
                }
            } catch {
                return .failed(error)
            }
        }
        var tables: [String: RawTable] = [:]
        var unreadable: Set<String> = []
        var sources: [MarkdownSource?] = []
        var loadedFiles: [String: LoadedFile] = [:]
        for (job, result) in zip(jobs, results) {
            switch (job, result) {
            case (.table(let url), .table(let table)):
                loadedFiles[url.path] = .table(table)
                let name = url.deletingPathExtension().lastPathComponent
                if tables[name] != nil {
                    diagnostics.error(
                        SourceLocation(file: display("data/" + url.lastPathComponent)),
                        "có cả data/\(name).csv và data/\(name).json; hãy giữ một tệp")
                } else {
                    tables[name] = table
                }
            case (.markdown(let url, _), .markdown(let source)):
                loadedFiles[url.path] = .markdown(source)
                sources.append(source)
            case (.markdown, .failed(let error)):
                diagnostics.append(contentsOf: error.diagnostics)
                sources.append(nil)
            case (.table(let url), .failed(let error)):
                diagnostics.append(contentsOf: error.diagnostics)
                unreadable.insert(url.deletingPathExtension().lastPathComponent)
            default: break
            }
        }
        // Markdown results in job order: pillars, documents, home, pages.
        func take(_ count: Int) -> [MarkdownSource] {
            let slice = sources.prefix(count).compactMap { $0 }
            sources.removeFirst(min(count, sources.count))
            return slice
        }
        let pillars = take(pillarURLs.count)
        let documents = take(documentURLs.count)
        let home = take(homeURLs.count).first
        let pages = take(pageURLs.count)

        guard let config else { return nil }
        return LoadedContent(
            config: config, tables: tables, pillarSources: pillars, documentSources: documents,
            pageSources: pages, homeSource: home, unreadableTables: unreadable, files: loadedFiles,
            filesRead: known.count { $0 == nil })
    }

    func display(_ relative: String) -> String { displayPrefix + "/" + relative }

    /// Regular files with the extension directly in a folder of Content/, sorted by name.
    /// Symbolic links that lead outside Content/ are refused: content cannot pull in other files.
    func files(in folder: String, extension ext: String, into diagnostics: inout Diagnostics) -> [URL] {
        let directory = folder.isEmpty ? contentDirectory : contentDirectory.appendingPathComponent(folder)
        let containment = FolderContainment(root: contentDirectory, shownRoot: displayPrefix)
        return containment.files(in: directory, shown: folder.isEmpty ? displayPrefix : display(folder), into: &diagnostics) {
            $0.hasSuffix("." + ext)
        }
    }

    /// site.toml, unless it is a link out of Content/ (then an error, and nil).
    func configFile(into diagnostics: inout Diagnostics) -> URL? {
        let containment = FolderContainment(root: contentDirectory, shownRoot: displayPrefix)
        let url = contentDirectory.appendingPathComponent("site.toml")
        guard let entry = containment.entry("site.toml", in: contentDirectory.path, folderResolved: containment.resolve(contentDirectory))
        else {
            return url  // missing: reading it reports that
        }
        guard containment.contains(entry.resolved) else {
            diagnostics.error(SourceLocation(file: display("site.toml")), containment.outsideMessage(entry.resolved))
            return nil
        }
        return url
    }
}

/// The rule that keeps a project folder (Content/, Theme/) from pulling in other files: a file or
/// folder that is a symbolic link whose resolved target lies outside the folder is refused with an
/// error naming it. Links that stay inside are followed.
struct FolderContainment {
    /// The folder, with its links resolved.
    let root: String
    /// How the folder is named in messages: "Content", "Theme".
    let shownRoot: String

    init(root: URL, shownRoot: String) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath().path
        self.shownRoot = shownRoot
    }

    func resolve(_ url: URL) -> String { url.standardizedFileURL.resolvingSymlinksInPath().path }

    func contains(_ resolved: String) -> Bool { resolved == root || resolved.hasPrefix(root == "/" ? "/" : root + "/") }

    func outsideMessage(_ resolved: String) -> String {
        "tệp là liên kết trỏ ra ngoài thư mục \(shownRoot)/ (\(resolved)); hãy chép tệp vào \(shownRoot)/"
    }

    struct Entry {
        var resolved: String
        var isLink: Bool
        var isDirectory: Bool
        var isRegular: Bool
    }

    /// What `name` in a folder is: its real path (the folder is resolved once; a file only when it is
    /// itself a link) and its kind, following links. Nil when it does not exist.
    func entry(_ name: String, in directory: String, folderResolved: String) -> Entry? {
        var info = stat()
        guard lstat(directory + "/" + name, &info) == 0 else { return nil }
        let isLink = (info.st_mode & S_IFMT) == S_IFLNK
        let resolved = isLink ? URL(fileURLWithPath: directory + "/" + name).resolvingSymlinksInPath().path : folderResolved + "/" + name
        // A broken link is neither a file nor a folder, but still judged by where it points.
        if isLink, stat(directory + "/" + name, &info) != 0 { info.st_mode = 0 }
        return Entry(
            resolved: resolved, isLink: isLink, isDirectory: (info.st_mode & S_IFMT) == S_IFDIR,
            isRegular: (info.st_mode & S_IFMT) == S_IFREG)
    }

    /// Regular files directly in `directory` whose name passes `filter` (hidden files never do), sorted
    /// by name; a link out of the folder is an error naming `shown/name`.
    func files(in directory: URL, shown: String, into diagnostics: inout Diagnostics, filter: (String) -> Bool) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        let folderResolved = resolve(directory)
        var result: [URL] = []
        for name in names.sorted() where filter(name) && !name.hasPrefix(".") {
            guard let entry = entry(name, in: directory.path, folderResolved: folderResolved) else { continue }
            guard contains(entry.resolved) else {
                diagnostics.error(SourceLocation(file: shown + "/" + name), outsideMessage(entry.resolved))
                continue
            }
            if entry.isRegular { result.append(directory.appendingPathComponent(name)) }
        }
        return result
    }

    /// Every regular file under `directory`, in sub-folders too (links that stay inside are followed,
    /// except a link back to a folder it is in), as paths relative to it; hidden files and folders are left out.
    func tree(_ directory: URL, shown: String, into diagnostics: inout Diagnostics) -> [(relative: String, url: URL)] {
        var result: [(relative: String, url: URL)] = []
        var open: Set<String> = []
        func walk(_ url: URL, relative: String, resolved: String) {
            guard open.insert(resolved).inserted else { return }
            defer { open.remove(resolved) }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: url.path) else { return }
            for name in names where !name.hasPrefix(".") {
                let path = relative.isEmpty ? name : relative + "/" + name
                guard let entry = entry(name, in: url.path, folderResolved: resolved) else { continue }
                guard contains(entry.resolved) else {
                    diagnostics.error(SourceLocation(file: shown + "/" + path), outsideMessage(entry.resolved))
                    continue
                }
                if entry.isDirectory {
                    walk(url.appendingPathComponent(name), relative: path, resolved: entry.resolved)
                } else if entry.isRegular {
                    result.append((path, url.appendingPathComponent(name)))
                }
            }
        }
        walk(directory, relative: "", resolved: resolve(directory))
        return result.sorted { $0.relative < $1.relative }
    }
}
