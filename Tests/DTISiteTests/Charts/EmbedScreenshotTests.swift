import Foundation
import Testing

@testable import DTISite

/// Renders an embed page of the default site in headless Chromium (where it is installed) and checks
/// that the screenshot shows something: a page with a chart compresses far worse than a blank one.
@Suite struct EmbedScreenshotTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func screenshot(_ url: String, to png: URL) throws -> Int {
        let chrome = try Spawned(
            chromium!,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                "--window-size=800,600", "--screenshot=\(png.path)", url
            ])
        chrome.wait()
        return (try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test(.enabled(if: chromium != nil), .timeLimit(.minutes(2)))
    func embedPageIsNotBlank() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-embed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        var options = SiteBuilder.Options(root: Fixtures.repositoryRoot)
        options.outputDirectory = root.appendingPathComponent("site")
        // A base URL is http or https; the embed page is opened from its file (its chart is inline).
        options.baseURL = "http://localhost:8000/"
        let report = SiteBuilder.build(options)
        try #require(report.succeeded)
        let embed = options.outputDirectory.appendingPathComponent("nhung/xep-hang-lai-chau/index.html")
        #expect(FileManager.default.fileExists(atPath: embed.path))
        let blank = try Self.screenshot("about:blank", to: root.appendingPathComponent("blank.png"))
        let chart = try Self.screenshot(embed.absoluteString, to: root.appendingPathComponent("chart.png"))
        #expect(blank > 0 && chart > blank * 5, "chart screenshot \(chart) bytes, blank page \(blank) bytes")
    }
}
