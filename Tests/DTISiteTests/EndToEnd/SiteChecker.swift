import Foundation

@testable import DTISite

/// Builds a Content/ directory into a temporary output and checks the result like a visitor would:
/// every page parses, every internal link and anchor resolves, the sitemap lists every page.
struct SiteChecker {
    let output: URL
    let basePath: String
    var pages: [String: HTMLInspector] = [:]

    init(output: URL, basePath: String) throws {
        self.output = output
        self.basePath = basePath
        let enumerator = FileManager.default.enumerator(atPath: output.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".html") else { continue }
            let html = try String(contentsOf: output.appendingPathComponent(relative), encoding: .utf8)
            pages[relative] = HTMLInspector(html)
        }
    }

    /// Problems of every page, "path: problem".
    var parseProblems: [String] {
        pages.sorted { $0.key < $1.key }.flatMap { path, page in page.problems.map { "\(path): \($0)" } }
    }

    /// Internal links (under the base path) whose file or #anchor does not exist.
    var brokenLinks: [String] {
        var broken: [String] = []
        for (path, page) in pages.sorted(by: { $0.key < $1.key }) {
            for link in page.links {
                guard link.hasPrefix(basePath) || link.hasPrefix("#") else { continue }
                var target = link.hasPrefix("#") ? "/" + path : String(link.dropFirst(basePath.count - 1))
                var anchor: String?
                if let hash = target.firstIndex(of: "#") {
                    anchor = String(target[target.index(after: hash)...])
                    target = String(target[..<hash])
                }
                if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
                var file = String(target.dropFirst())
                if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
                if !FileManager.default.fileExists(atPath: output.appendingPathComponent(file).path) {
                    broken.append("\(path): \(link)")
                    continue
                }
                if let anchor, !anchor.isEmpty, let targetPage = pages[file], !targetPage.ids.contains(anchor) {
                    broken.append("\(path): \(link) (no id \"\(anchor)\")")
                }
            }
        }
        return broken
    }
}
