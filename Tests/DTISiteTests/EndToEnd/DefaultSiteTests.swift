import Foundation
import Testing

@testable import DTISite

/// Builds the repository's own Content/ (the default Lai Châu portal) and checks it as a visitor would.
@Suite(.serialized) struct DefaultSiteTests {
    static let pillarSlugs = [
        "nhan-thuc-so", "the-che-so", "ha-tang-so", "nhan-luc-so", "an-toan-thong-tin-mang",
        "chinh-quyen-so", "kinh-te-so", "xa-hoi-so"
    ]

    /// One build shared by the tests of this suite.
    static let build: (report: SiteBuilder.Report, output: URL) = {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-default-\(UUID().uuidString)")
        var options = SiteBuilder.Options(root: Fixtures.repositoryRoot)
        options.outputDirectory = output
        return (SiteBuilder.build(options), output)
    }()

    func read(_ path: String) throws -> String {
        try String(contentsOf: Self.build.output.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every chart has its PNG; every page that shows a chart names one as its link preview.
    @Test func everyChartHasAPNGAndEveryPageWithAChartAnOGImage() throws {
        let output = Self.build.output
        let charts = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("bieu-do").path)
        let svgs = charts.filter { $0.hasSuffix(".svg") && !$0.hasSuffix("-hep.svg") }
        #expect(svgs.count >= 10)
        for svg in svgs { #expect(charts.contains(svg.dropLast(4) + ".png"), "\(svg)") }
        let pages = FileManager.default.subpaths(atPath: output.path)?.filter { $0.hasSuffix("index.html") } ?? []
        var withCharts = 0
        for page in pages {
            let html = try read(page)
            guard html.contains("<figure class=\"chart") else { continue }
            withCharts += 1
            let marker = "<meta property=\"og:image\" content=\"https://cds.laichau.gov.vn/cds/"
            let start = try #require(html.range(of: marker), "\(page)").upperBound
            let path = String(html[start...].prefix { $0 != "\"" })
            #expect(path.hasPrefix("bieu-do/") && path.hasSuffix(".png") && charts.contains(String(path.dropFirst(8))), "\(page)")
        }
        #expect(withCharts >= 10)
    }

    @Test func buildsWithoutErrors() {
        let errors = Self.build.report.diagnostics.filter { $0.severity == .error }
        #expect(Self.build.report.succeeded, "\(errors.map(\.description).joined(separator: "\n"))")
    }

    @Test func everyPageParsesAndEveryInternalLinkResolves() throws {
        let checker = try SiteChecker(output: Self.build.output, basePath: "/cds/")
        #expect(checker.pages.count > 20)
        #expect(checker.parseProblems == [])
        #expect(checker.brokenLinks == [])
    }

    @Test func everyPageHasTheRequiredHead() throws {
        let checker = try SiteChecker(output: Self.build.output, basePath: "/cds/")
        for (path, page) in checker.pages where !path.hasPrefix("nhung/") {
            let names = Set(page.tags.map(\.name))
            #expect(page.tags.first { $0.name == "html" }?.attributes["lang"] == "vi", "\(path)")
            for landmark in ["header", "nav", "main", "footer", "title"] {
                #expect(names.contains(landmark), "\(path) lacks <\(landmark)>")
            }
            #expect(page.tags.contains { $0.name == "meta" && $0.attributes["name"] == "viewport" }, "\(path)")
            #expect(page.tags.contains { $0.name == "meta" && $0.attributes["charset"] == "utf-8" }, "\(path)")
            #expect(page.tags.contains { $0.name == "meta" && $0.attributes["name"] == "description" }, "\(path)")
            #expect(page.tags.contains { $0.name == "meta" && $0.attributes["property"] == "og:title" }, "\(path)")
            #expect(page.tags.contains { $0.name == "meta" && $0.attributes["http-equiv"] == "Content-Security-Policy" }, "\(path)")
            #expect(
                page.tags.contains {
                    $0.name == "link" && $0.attributes["rel"] == "canonical" && ($0.attributes["href"] ?? "").hasPrefix("https://")
                }, "\(path)")
            #expect(page.tags.contains { $0.name == "a" && $0.attributes["class"] == "skip-link" }, "\(path)")
        }
    }

    /// A table cell links only where its own data gives a link: never to the page it is on (a cell
    /// without a link once picked up the page's own `href` from the template context).
    @Test func tableCellsDoNotLinkToTheirOwnPage() throws {
        let html = try read("van-ban/ke-hoach-2025/index.html")
        #expect(html.contains("<tbody>"))
        #expect(!html.contains("<td class=\"\"><a href=\"/cds/van-ban/ke-hoach-2025/\">"))
        #expect(!html.contains("<th scope=\"row\"><a href=\"/cds/van-ban/ke-hoach-2025/\">"))
    }

    @Test func sitemapListsEveryIndexablePage() throws {
        let sitemap = try read("sitemap.xml")
        let checker = try SiteChecker(output: Self.build.output, basePath: "/cds/")
        for path in checker.pages.keys where path != "404.html" && !path.hasPrefix("nhung/") {
            let url = "https://cds.laichau.gov.vn/cds/" + String(path.dropLast("index.html".count))
            #expect(sitemap.contains("<loc>\(url)</loc>"), "sitemap lacks \(url)")
        }
        #expect(!sitemap.contains("404.html"))
    }

    @Test func theEightPillarPagesExist() throws {
        for slug in Self.pillarSlugs {
            #expect(
                FileManager.default.fileExists(atPath: Self.build.output.appendingPathComponent("tru-cot/\(slug)/index.html").path),
                "\(slug)")
        }
    }

    @Test func overviewShowsLaiChauFrom2022To2024() throws {
        let home = try read("index.html")
        #expect(home.contains("0,7056"))
        #expect(home.contains("tăng 18 bậc"))
        let history = try read("du-lieu/dti-lai-chau-theo-nam.csv")
        #expect(history.contains("2022,0.5032,53,63"))
        #expect(history.contains("2023,0.6185,54,63"))
        #expect(history.contains("2024,0.7056,36,63"))
    }

    @Test func rankingPagesAreInBothOrders() throws {
        let byRank = try read("xep-hang/2024/index.html")
        let byName = try read("xep-hang/2024/theo-ten/index.html")
        let a = byName.range(of: "An Giang")!.lowerBound, d = byName.range(of: "Đà Nẵng")!.lowerBound,
            y = byName.range(of: "Yên Bái")!.lowerBound
        #expect(a < d && d < y)
        #expect(byRank.contains("Lai Châu"))
    }
}
