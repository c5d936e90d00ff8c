import Foundation
import Testing

@testable import DTISite

/// Searches the default site in headless Chromium (where it is installed), with queries typed without
/// diacritics in the address (`/tim-kiem/?q=…`, as a shared search is opened), and checks the first
/// result: the script, the index files and the ranking together.
@Suite struct SearchBrowserTests {
    static let chromium = EmbedScreenshotTests.chromium

    /// The results list of /tim-kiem/?q=`query` after the script ran: the links, in order.
    static func results(_ query: String, port: Int, in root: URL) throws -> [String] {
        let out = root.appendingPathComponent("dom-\(UUID().uuidString).html")
        let q = query.replacingOccurrences(of: " ", with: "+")
        let chrome = try Spawned(
            chromium!,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=8000", "--dump-dom",
                "http://127.0.0.1:\(port)/cds/tim-kiem/?q=\(q)"
            ], output: out.path)
        chrome.wait()
        let dom = try String(contentsOf: out, encoding: .utf8)
        guard let list = dom.range(of: "id=\"search-results\"") else { return [] }
        let tail = dom[list.upperBound...]
        let end = tail.range(of: "</ol>")?.lowerBound ?? tail.endIndex
        return tail[..<end].components(separatedBy: "<a href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test(.enabled(if: chromium != nil), .timeLimit(.minutes(3)))
    func queriesWithoutDiacriticsFindTheirPages() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-search-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let port = 20_000 + Int(getpid() % 20_000)
        let server = try Spawned.servingDefaultSite(in: root, port: port)
        defer { server.stop() }

        let pillar = try Self.results("ha tang so", port: port, in: root)
        #expect(pillar.first == "/cds/tru-cot/ha-tang-so/", "\(pillar.prefix(3))")
        let commune = try Self.results("luong son", port: port, in: root)
        #expect(commune.first?.hasPrefix("/cds/vneid/bao-yen/#bang-xa") == true, "\(commune.prefix(3))")
        for query in ["so tttt", "so thong tin va truyen thong", "Sở TT&TT"] {
            let agency = try Self.results(query, port: port, in: root)
            #expect(agency.first == "/cds/co-quan/so-thong-tin-va-truyen-thong/", "\(query): \(agency.prefix(3))")
        }
        let province = try Self.results("da nang", port: port, in: root)
        #expect(province.first?.hasPrefix("/cds/xep-hang/2024/#bang-xep-hang-2024-") == true, "\(province.prefix(3))")
        // While typing: the last word is a prefix.
        let typing = try Self.results("ha tang s", port: port, in: root)
        #expect(typing.first == "/cds/tru-cot/ha-tang-so/", "\(typing.prefix(3))")
    }

    @Test func theSearchPageStaysSmallAndListsSections() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-search-page-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var options = SiteBuilder.Options(root: Fixtures.repositoryRoot)
        options.outputDirectory = root
        try #require(SiteBuilder.build(options).succeeded)
        let page = try String(contentsOf: root.appendingPathComponent("tim-kiem/index.html"), encoding: .utf8)
        #expect(page.utf8.count < 20_000)
        #expect(page.contains("href=\"/cds/tru-cot/\""))
        #expect(!page.contains("<script>"))
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("tim-kiem/chi-muc/muc-luc.json").path))
    }
}
