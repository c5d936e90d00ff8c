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

        var tables: [String: CSVTable] = [:]
        for url in files(in: "data", extension: "csv", into: &diagnostics) + files(in: "data", extension: "json", into: &diagnostics) {
            let name = url.deletingPathExtension().lastPathComponent
            let shown = display("data/" + url.lastPathComponent)
            if tables[name] != nil {
                diagnostics.error(SourceLocation(file: shown), "có cả data/\(name).csv và data/\(name).json; hãy giữ một tệp")
                continue
            }
            do {
                tables[name] = url.pathExtension == "json" ? try JSONTable.load(url, displayPath: shown) : try CSVTable.load(url, displayPath: shown)
            } catch { diagnostics.append(contentsOf: error.diagnostics) }
        }

        // Markdown files are read and their front matter parsed concurrently; results keep file order.
        func markdown(_ urls: [URL], folder: String) -> [MarkdownSource] {
            var results = [Result<MarkdownSource, DiagnosticError>?](repeating: nil, count: urls.count)
            let prefix = displayPrefix
            results.withUnsafeMutableBufferPointer { buffer in
                let slots = UnsafeSendableBuffer(buffer)
                DispatchQueue.concurrentPerform(iterations: urls.count) { i in
                    let name = urls[i].lastPathComponent
                    let path = prefix + "/" + (folder.isEmpty ? name : folder + "/" + name)
                    do throws(DiagnosticError) { slots[i] = .success(try MarkdownSource.load(urls[i], displayPath: path)) } catch {
                        slots[i] = .failure(error)
                    }
                }
            }
            return results.compactMap { result in
                switch result {
                case .success(let source): return source
                case .failure(let error): diagnostics.append(contentsOf: error.diagnostics); return nil
                case nil: return nil
                }
            }
        }
        let pillars = markdown(files(in: "tru-cot", extension: "md", into: &diagnostics), folder: "tru-cot")
        let documents = markdown(files(in: "van-ban", extension: "md", into: &diagnostics), folder: "van-ban")
        let topLevel = files(in: "", extension: "md", into: &diagnostics)
        let home = markdown(topLevel.filter { $0.lastPathComponent == "_index.md" }, folder: "").first
        let pages = markdown(topLevel.filter { $0.lastPathComponent != "_index.md" }, folder: "")

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
        var result: [URL] = []
        for name in names.sorted() where name.hasSuffix("." + ext) && !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            let resolved = url.resolvingSymlinksInPath().path
            let shown = display(folder.isEmpty ? name : folder + "/" + name)
            guard resolved == root || resolved.hasPrefix(root + "/") else {
                diagnostics.error(SourceLocation(file: shown), "tệp là liên kết trỏ ra ngoài thư mục Content/ (\(resolved)); hãy chép tệp vào Content/")
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            result.append(url)
        }
        return result
    }
}
