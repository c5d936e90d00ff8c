import Foundation
import Testing

@testable import DTISite

/// The default site on a phone: every chart of the overview, the pillar pages, the VNeID pages and the
/// embed pages carries a narrow drawing that fits a 390 px screen; no stylesheet rule gives a chart a
/// minimum width; a screenshot at 390 px shows something.
@Suite(.serialized) struct PhoneSiteTests {
    static func build() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-phone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var options = SiteBuilder.Options(root: Fixtures.repositoryRoot)
        options.outputDirectory = root.appendingPathComponent("site")
        options.baseURL = "http://localhost:8000/"
        let report = SiteBuilder.build(options)
        try #require(report.succeeded)
        return root
    }

    @Test func everyChartOnAPageHasANarrowDrawingThatFits() throws {
        let root = try Self.build()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        let pages = ["index.html", "tru-cot/ha-tang-so/index.html", "vneid/bao-yen/index.html", "nhung/xep-hang-lai-chau/index.html"]
        for page in pages {
            let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            let wide = html.components(separatedBy: "class=\"dti-chart chart-wide\"").count - 1
            let narrow = html.components(separatedBy: "class=\"dti-chart chart-narrow\"").count - 1
            #expect(wide > 0 && wide == narrow, "\(page): \(wide) wide, \(narrow) narrow charts")
            for piece in html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dti-chart chart-narrow\"")
                .dropFirst()
            {
                let svg =
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"dti-chart chart-narrow\""
                    + piece.components(separatedBy: "</svg>")[0] + "</svg>"
                let width = try #require(PhoneLayoutTests.viewBoxWidth(svg), "\(page)")
                #expect(width <= PhoneLayoutTests.boxAt390, "\(page)")
                try PhoneLayoutTests.textFits(svg)
            }
        }
        let css = try String(contentsOf: site.appendingPathComponent("assets/site.css"), encoding: .utf8)
        #expect(!css.contains("min-width: 500px"))
        #expect(css.contains("size: A4"))
        let embed = try String(contentsOf: site.appendingPathComponent("nhung/xep-hang-lai-chau/index.html"), encoding: .utf8)
        #expect(embed.contains("class=\"embed-light\"") && embed.contains("content=\"light\""))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("bieu-do/xep-hang-lai-chau-hep.svg").path))
    }

    @Test(.enabled(if: EmbedScreenshotTests.chromium != nil), .timeLimit(.minutes(2)))
    func overviewAt390IsNotBlank() throws {
        let root = try Self.build()
        defer { try? FileManager.default.removeItem(at: root) }
        let png = root.appendingPathComponent("home.png")
        let chrome = try Spawned(
            EmbedScreenshotTests.chromium!,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=390,2000",
                "--screenshot=\(png.path)", root.appendingPathComponent("site/nhung/tru-cot-lai-chau-2024/index.html").absoluteString
            ])
        chrome.wait()
        let size = (try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? NSNumber)?.intValue ?? 0
        #expect(size > 10_000, "screenshot of \(size) bytes")
    }
}
