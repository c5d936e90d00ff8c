import Foundation
import Testing

@testable import DTISite

/// A newspaper article on another origin that pastes the charts' iframe snippets, read in a fresh
/// Chromium profile (cold cache, where Chromium is installed): the lazy iframes far down the article,
/// and one added after the page has loaded, each end as tall as its embed page's content at the
/// iframe's width — title, caption, source and link back visible, nothing to scroll inside — on a
/// phone and again after the window widens. The embed pages' ?theme= and ?plain work.
@Suite struct EmbedArticleTests {
    /// The iframe snippets of a built page, as a journalist copies them (the `<pre>` text, unescaped).
    static func iframeSnippets(_ html: String) -> [String] {
        html.components(separatedBy: "<pre class=\"snippet\"><code>&lt;iframe").dropFirst().map { piece in
            ("&lt;iframe" + piece.components(separatedBy: "</code>")[0])
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    /// A plain article: a column of text with a snippet after every 2,600 px of it, so that all but
    /// the first iframe are out of Chromium's lazy-loading distance when the page opens.
    static func article(_ snippets: [String]) -> String {
        let paragraph = "<p>Đoạn văn của bài báo, đủ dài để người đọc phải cuộn xuống mới thấy biểu đồ tiếp theo.</p>\n"
        var html = """
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Bài viết</title><style>body { margin: 0 auto; max-width: 680px; padding: 0 16px; font: 17px/1.6 serif; }
            .filler { height: 2600px; }</style></head><body><h1>Bài viết có biểu đồ nhúng</h1>

            """
        for snippet in snippets { html += paragraph + "<div class=\"filler\"></div>\n" + snippet + "\n" }
        return html + paragraph + "<div class=\"filler\"></div>\n</body></html>\n"
    }

    static let frames = "Array.from(document.querySelectorAll('iframe[data-dtisite-embed]'))"

    /// The iframes' heights once none has changed for half a second (each report is a message that
    /// can come after the one before).
    static func settled(_ browser: DevTools, timeout: Double = 20) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var last: [String] = [], since = Date()
        while Date() < deadline {
            let now = try browser.evaluate("\(frames).map(f => f.style.height)") as? [String] ?? []
            if now != last {
                last = now
                since = Date()
            } else if Date().timeIntervalSince(since) >= 0.5 {
                return now
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw DevTools.Failure(description: "the iframes' heights kept changing: \(last)")
    }

    @Test(.enabled(if: BrowserTools.chromium != nil), .timeLimit(.minutes(5)))
    func lazyIframesOnAnotherOriginFitTheirCharts() throws {
        // A fresh profile: the article opens with a cold cache.
        let served = try ServedSite("article")
        defer { served.stop() }
        let root = served.root, site = served.output, browser = served.browser
        var snippets: [String] = []
        for page in ["index.html", "tru-cot/ha-tang-so/index.html", "vneid/bao-yen/index.html"] {
            snippets += Self.iframeSnippets(try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8))
        }
        #expect(snippets.count >= 6 && snippets.allSatisfy { $0.contains("loading=\"lazy\"") && $0.contains("nhung.js") })
        try #require(snippets.count >= 6)
        let late = snippets.removeLast().components(separatedBy: "\n")[0]
        let articleDirectory = root.appendingPathComponent("article")
        try FileManager.default.createDirectory(at: articleDirectory, withIntermediateDirectories: true)
        try Self.article(snippets).write(to: articleDirectory.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        // Another origin: another host name and another port.
        let articlePort = HTTPProbe.freePort()
        let articleServer = try Spawned(
            BrowserTools.python ?? "/usr/bin/python3",
            ["-m", "http.server", String(articlePort), "--bind", "127.0.0.1", "--directory", articleDirectory.path])
        defer { articleServer.stop() }
        let deadline = Date().addingTimeInterval(15)
        while (try? HTTPProbe(port: articlePort)) == nil, Date() < deadline { usleep(50_000) }

        // The test counts each iframe's height reports, to wait for one instead of for a given height
        // (a script added for new documents runs only with the Page domain enabled).
        try browser.send("Page.enable")
        try browser.send(
            "Page.addScriptToEvaluateOnNewDocument",
            [
                "source": """
                window.__reports = [];
                window.addEventListener('message', e => {
                  if (!e.data || e.data.type !== 'dtisite-embed-height') return;
                  const i = \(Self.frames).findIndex(f => f.contentWindow === e.source);
                  if (i >= 0) window.__reports[i] = (window.__reports[i] || 0) + 1;
                });
                """
            ])
        try browser.emulate(width: 390)
        try browser.navigate("http://localhost:\(articlePort)/")
        let fallback = String(ChartPublisher.fallbackHeight)
        let unloaded = try browser.evaluate("\(Self.frames).filter(f => f.getBoundingClientRect().height == \(fallback)).length") as? Int
        #expect((unloaded ?? 0) >= 2, "\(unloaded ?? 0) iframes still waiting below the fold: lazy loading not exercised")
        // One more iframe comes, added by the article's own script; then the reader scrolls from one
        // chart to the next, and each iframe must take its height from its page as it comes near.
        let quoted = String(decoding: try JSONSerialization.data(withJSONObject: [late]), as: UTF8.self)
        _ = try browser.evaluate("document.body.insertAdjacentHTML('beforeend', \(quoted)[0]); true")
        let count = snippets.count + 1
        #expect(try browser.evaluate("\(Self.frames).length") as? Int == count)

        var checked = 0
        for width in [390, 1000] {
            try browser.emulate(width: width)
            for i in 0..<count {
                let before = try browser.evaluate("window.__reports[\(i)] || 0") as? Int ?? 0
                _ = try browser.evaluate("\(Self.frames)[\(i)].scrollIntoView({block: 'center'}); true")
                do {
                    _ = try browser.wait(for: "(window.__reports[\(i)] || 0) > \(before)", timeout: 30)
                } catch {
                    let src = try browser.evaluate("\(Self.frames)[\(i)].src") as? String ?? "?"
                    Issue.record("\(width) px: the iframe of \(src) sent no height when it came into view")
                }
            }
            _ = try Self.settled(browser)
            let framed =
                try browser.evaluate(
                    "\(Self.frames).map(f => { const r = f.getBoundingClientRect(); return [f.src, r.width, r.height]; })") as? [[Any]]
                ?? []
            #expect(framed.count == count)
            // Each embed page alone at its iframe's size: what it reported must be all it has.
            let embed = try DevTools(chromium: BrowserTools.chromium!, profile: root.appendingPathComponent("profile-\(width)").path)
            defer { embed.stop() }
            try embed.open("about:blank")
            for frame in framed {
                guard let src = frame[0] as? String, let frameWidth = frame[1] as? Double, let frameHeight = frame[2] as? Double else {
                    continue
                }
                try embed.emulate(width: Int(frameWidth.rounded()), height: Int(frameHeight.rounded()))
                try embed.navigate(src)
                let content = try #require(
                    try embed.evaluate(
                        """
                        (() => {
                          const bottom = s => { const e = document.querySelector(s); return e ? e.getBoundingClientRect().bottom : -1; };
                          return [Math.ceil(document.documentElement.getBoundingClientRect().height), document.scrollingElement.scrollHeight,
                                  innerHeight, bottom('.chart-title'), bottom('.chart-finding'), bottom('.embed-source'), bottom('.embed-source a')];
                        })()
                        """) as? [Double])
                let message = "\(width) px: \(src) in a \(frameWidth)×\(frameHeight) iframe; its page: \(content)"
                #expect(abs(content[0] - frameHeight) <= 1, Comment(rawValue: message))
                #expect(content[1] <= content[2] + 1, Comment(rawValue: "scrolls inside: " + message))
                #expect(content[3...].allSatisfy { $0 > 0 && $0 <= frameHeight + 0.5 }, Comment(rawValue: "cut off: " + message))
                checked += 1
            }
        }
        #expect(checked == 2 * count)

        // ?theme=dark is dark and ?theme=light light whatever the reader's setting; no parameter is
        // light, ?theme=auto follows the reader; ?plain drops the title.
        let embed = try #require(snippets.first?.components(separatedBy: "src=\"").dropFirst().first?.components(separatedBy: "\"").first)
        let cases: [(query: String, dark: Bool, background: String)] = [
            ("?theme=dark", false, "rgb(22, 32, 51)"), ("?theme=light", true, "rgb(255, 255, 255)"), ("", true, "rgb(255, 255, 255)"),
            ("?theme=auto", true, "rgb(22, 32, 51)"), ("?theme=auto", false, "rgb(255, 255, 255)")
        ]
        for (query, dark, background) in cases {
            try browser.emulate(width: 390, dark: dark)
            try browser.navigate(embed + query)
            let shown = try browser.evaluate("getComputedStyle(document.body).backgroundColor") as? String
            #expect(shown == background, "\(query) with the reader in \(dark ? "dark" : "light") mode: \(shown ?? "—")")
        }
        try browser.navigate(embed + "?plain")
        #expect(try browser.evaluate("getComputedStyle(document.querySelector('.chart-title')).display") as? String == "none")
        #expect(try browser.evaluate("getComputedStyle(document.querySelector('.embed-source')).display") as? String != "none")
    }
}
