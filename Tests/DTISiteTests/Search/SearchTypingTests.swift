import Foundation
import Testing

@testable import DTISite

/// Types queries without diacritics into the search field of the default site in headless Chromium
/// (where it is installed), one key press at a time as a reader types, through the DevTools protocol,
/// and checks the first result of each: the script, the chunked index and the ranking together.
@Suite struct SearchTypingTests {
    static let chromium = EmbedScreenshotTests.chromium

    /// What each query must find first: a link, or the start of one (a row's anchor and text fragment).
    static let cases: [(query: String, first: String)] = [
        ("ha tang so", "/cds/tru-cot/ha-tang-so/"),
        ("luong son", "/cds/vneid/bao-yen/#bang-xa"),
        ("so tttt", "/cds/co-quan/so-thong-tin-va-truyen-thong/"),
        ("so thong tin va truyen thong", "/cds/co-quan/so-thong-tin-va-truyen-thong/"),
        ("da nang", "/cds/xep-hang/2024/#bang-xep-hang-2024-")
    ]

    @Test(.enabled(if: chromium != nil), .timeLimit(.minutes(3)))
    func typedQueriesFindTheirPagesFirst() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-typing-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let port = 20_000 + Int((getpid() + 7_919) % 20_000)
        let server = try Spawned.servingDefaultSite(in: root, port: port)
        defer { server.stop() }
        let browser = try DevTools(chromium: Self.chromium!, profile: root.appendingPathComponent("profile").path)
        defer { browser.stop() }
        try browser.open("http://127.0.0.1:\(port)/cds/tim-kiem/")
        _ = try browser.wait(for: "document.readyState === 'complete' && !!document.getElementById('q')")
        // Nothing of the index is fetched before the reader types.
        let before = try browser.evaluate("performance.getEntriesByType('resource').filter(e => e.name.includes('/chi-muc/')).length")
        #expect(before as? Int == 0)

        for (query, first) in Self.cases {
            _ = try browser.evaluate("var q = document.getElementById('q'); q.value = ''; q.focus(); true")
            // Slower than the script's 120 ms pause, so that it searches after every key press.
            try browser.type(query, pause: 0.15)
            let quoted = String(decoding: try JSONSerialization.data(withJSONObject: ["“" + query + "”"]), as: UTF8.self)
            let links = try browser.wait(
                for: """
                    (function () {
                      var status = document.getElementById('search-status').textContent;
                      var links = Array.from(document.querySelectorAll('#search-results a')).map(a => a.getAttribute('href'));
                      return status.indexOf(\(quoted)[0]) >= 0 && links.length ? links : null;
                    })()
                    """)
            let found = links as? [String] ?? []
            #expect(found.first?.hasPrefix(first) == true, "\(query): \(found.prefix(3))")
            // The query is in the address, to be shared.
            let search = try browser.evaluate("location.search") as? String
            #expect(search == "?q=" + query.replacingOccurrences(of: " ", with: "+"), "\(query)")
        }
        // Each query fetched only a part of the index.
        let fetched = try browser.evaluate("performance.getEntriesByType('resource').filter(e => e.name.includes('/chi-muc/')).length")
        let files = try FileManager.default.subpathsOfDirectory(atPath: root.appendingPathComponent("cds/tim-kiem/chi-muc").path)
        #expect((fetched as? Int ?? 0) > 0 && (fetched as? Int ?? 0) < files.count, "\(fetched ?? "—") of \(files.count)")
    }
}
