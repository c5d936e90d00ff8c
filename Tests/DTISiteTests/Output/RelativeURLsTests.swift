import Foundation
import Testing

@testable import DTISite

/// `--relative-urls`: the output opens from the file manager — every link and asset of every page
/// leads to a file of the output, relative to the page, and no page link starts at the root.
@Suite struct RelativeURLsTests {
    @Test func rewritesLinksFromTheBasePathRelativeToThePage() {
        let html =
            #"<a href="/cds/">Home</a><a href="/cds/tru-cot/#x">P</a><link href="/cds/assets/site.css?v=1"><input data-index="/cds/tim-kiem/chi-muc/"><a href="https://x.vn/cds/">"#
        let out = String(decoding: RelativeURLs.rewrite(Array(html.utf8), path: "van-ban/a/index.html", base: "/cds/"), as: UTF8.self)
        #expect(
            out
                == #"<a href="../../index.html">Home</a><a href="../../tru-cot/index.html#x">P</a><link href="../../assets/site.css?v=1"><input data-index="../../tim-kiem/chi-muc/"><a href="https://x.vn/cds/">"#
        )
        let root = String(decoding: RelativeURLs.rewrite(Array(#"<a href="/">a</a>"#.utf8), path: "index.html", base: "/"), as: UTF8.self)
        #expect(root == #"<a href="./index.html">a</a>"#)
    }

    @Test func everyLinkOfTheBuiltSiteLeadsToAFile() throws {
        let root = try BuildTests.copyFixture("mini")
        defer { try? FileManager.default.removeItem(at: root) }
        var options = SiteBuilder.Options(root: root)
        options.relativeURLs = true
        let report = SiteBuilder.build(options)
        #expect(report.succeeded, "\(report.diagnostics)")
        let files = try BuildTests.files(in: options.outputDirectory)
        let pattern = try Regex(#"(?:href|src)="([^"]*)""#)
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: data, as: UTF8.self)
            for match in html.matches(of: pattern) {
                let link = String(match.output[1].substring ?? "")
                if link.hasPrefix("http") || link.hasPrefix("#") || link.hasPrefix("mailto:") { continue }
                #expect(!link.hasPrefix("/"), "\(path): \(link) starts at the root")
                let target = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
                    .split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
                if target.isEmpty { continue }
                let resolved = options.outputDirectory.appendingPathComponent(path).deletingLastPathComponent()
                    .appendingPathComponent(String(target)).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: resolved.path), "\(path): \(link) leads nowhere")
                checked += 1
            }
        }
        #expect(checked > 100)
        // Switching back to root links rewrites the pages (their hash knows the option).
        options.relativeURLs = false
        let back = SiteBuilder.build(options)
        #expect(back.succeeded && back.written > 10)
        let home = try String(contentsOf: options.outputDirectory.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!home.contains("index.html\""))
    }
}
