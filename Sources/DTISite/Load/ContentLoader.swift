import Dispatch
import Foundation

/// Everything read from Content/, still raw: tables and Markdown sources with their locations.
public struct LoadedContent: Sendable {
    public var config: SiteConfig
    /// Data tables by file name without extension: "dti", "units", …
    public var tables: [String: CSVTable]
    public var pillarSources: [MarkdownSource]
    public var documentSources: [MarkdownSource]
    public var pageSources: [MarkdownSource]
    public var homeSource: MarkdownSource?
}

/// Reads a Content/ directory. Every file that cannot be read becomes a diagnostic; the loader
/// reads everything it can so one build reports all problems at once.
public struct ContentLoader {
    public let contentDirectory: URL
    /// How paths are shown in messages: relative to the project ("Content/data/dti.csv").
    public let displayPrefix: String

    public init(contentDirectory: URL, displayPrefix: String = "Content") {
        self.contentDirectory = contentDirectory.standardizedFileURL
        self.displayPrefix = displayPrefix
    }

    public func load(into diagnostics: inout Diagnostics) -> LoadedContent? {
        var config: SiteConfig?
        do {
            config = try SiteConfig.load(contentDirectory.appendingPathComponent("site.toml"), displayPath: display("site.toml"))
        } catch {
            diagnostics.append(contentsOf: error.diagnostics)
        }

        // Tables and Markdown files are read and parsed concurrently, the tables first (a national
        // VNeID table is the longest single job); results keep file order.
        enum Job { case table(URL), markdown(URL, folder: String) }
        enum Loaded { case table(CSVTable), markdown(MarkdownSource), failed(DiagnosticError) }
        let tableURLs = files(in: "data", extension: "csv", into: &diagnostics) + files(in: "data", extension: "json", into: &diagnostics)
        let pillarURLs = files(in: "tru-cot", extension: "md", into: &diagnostics)
        let documentURLs = files(in: "van-ban", extension: "md", into: &diagnostics)
        let topLevel = files(in: "", extension: "md", into: &diagnostics)
        let homeURLs = topLevel.filter { $0.lastPathComponent == "_index.md" }
        let pageURLs = topLevel.filter { $0.lastPathComponent != "_index.md" }
        let jobs: [Job] = tableURLs.map { .table($0) } + pillarURLs.map { .markdown($0, folder: "tru-cot") }
            + documentURLs.map { .markdown($0, folder: "van-ban") } + (homeURLs + pageURLs).map { .markdown($0, folder: "") }
        var results = [Loaded?](repeating: nil, count: jobs.count)
        let prefix = displayPrefix
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = UnsafeSendableBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: jobs.count) { i in
                do throws(DiagnosticError) {
                    switch jobs[i] {
                    case .table(let url):
                        let shown = prefix + "/data/" + url.lastPathComponent
                        slots[i] = .table(url.pathExtension == "json" ? try JSONTable.load(url, displayPath: shown)
                                                                       : try CSVTable.load(url, displayPath: shown))
                    case .markdown(let url, let folder):
                        let name = url.lastPathComponent
                        slots[i] = .markdown(try MarkdownSource.load(url, displayPath: prefix + "/" + (folder.isEmpty ? name : folder + "/" + name)))
                    }
                } catch {
                    slots[i] = .failed(error)
                }
            }
        }
        var tables: [String: CSVTable] = [:]
        var sources: [MarkdownSource?] = []
        for (job, result) in zip(jobs, results) {
            switch (job, result) {
            case (.table(let url), .table(let table)):
                let name = url.deletingPathExtension().lastPathComponent
                if tables[name] != nil {
                    diagnostics.error(SourceLocation(file: display("data/" + url.lastPathComponent)), "có cả data/\(name).csv và data/\(name).json; hãy giữ một tệp")
                } else {
                    tables[name] = table
                }
            case (.markdown, .markdown(let source)): sources.append(source)
            case (.markdown, .failed(let error)): diagnostics.append(contentsOf: error.diagnostics); sources.append(nil)
            case (_, .failed(let error)): diagnostics.append(contentsOf: error.diagnostics)
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
        return LoadedContent(config: config, tables: tables, pillarSources: pillars, documentSources: documents,
                             pageSources: pages, homeSource: home)
    }

    func display(_ relative: String) -> String { displayPrefix + "/" + relative }

    /// Regular files with the extension directly in a folder of Content/, sorted by name.
    /// Symbolic links that lead outside Content/ are refused: content cannot pull in other files.
    func files(in folder: String, extension ext: String, into diagnostics: inout Diagnostics) -> [URL] {
        let directory = folder.isEmpty ? contentDirectory : contentDirectory.appendingPathComponent(folder)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        let root = contentDirectory.resolvingSymlinksInPath().path
        // The folder is resolved once; a file is resolved only when it is itself a link.
        let folderResolved = directory.resolvingSymlinksInPath().path
        var result: [URL] = []
        for name in names.sorted() where name.hasSuffix("." + ext) && !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            var info = stat()
            guard lstat(directory.path + "/" + name, &info) == 0 else { continue }
            let isLink = (info.st_mode & S_IFMT) == S_IFLNK
            let resolved = isLink ? url.resolvingSymlinksInPath().path : folderResolved + "/" + name
            let shown = display(folder.isEmpty ? name : folder + "/" + name)
            guard resolved == root || resolved.hasPrefix(root + "/") else {
                diagnostics.error(SourceLocation(file: shown), "tệp là liên kết trỏ ra ngoài thư mục Content/ (\(resolved)); hãy chép tệp vào Content/")
                continue
            }
            if isLink {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            } else if (info.st_mode & S_IFMT) != S_IFREG {
                continue
            }
            result.append(url)
        }
        return result
    }
}
