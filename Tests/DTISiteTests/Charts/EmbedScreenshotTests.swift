import Foundation
import Testing
@testable import DTISite

/// Renders an embed page of the default site in headless Chromium (where it is installed) and checks
/// that the screenshot shows something: a page with a chart compresses far worse than a blank one.
@Suite struct EmbedScreenshotTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    static func screenshot(_ url: String, to png: URL) throws -> Int {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=800,600",
                             "--screenshot=\(png.path)", url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (try FileManager.default.attributesOfItem(atPath: png.path)[.size] as? NSNumber)?.intValue ?? 0
    }

    @Test(.enabled(if: chromium != nil), .timeLimit(.minutes(2)))
    func embedPageIsNotBlank() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dtisite-embed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var options = SiteBuilder.Options(root: Fixtures.repositoryRoot)
        options.outputDirectory = root.appendingPathComponent("site")
        // A file:// base URL, so root-relative links resolve without a web server.
        options.baseURL = "file://" + options.outputDirectory.path + "/"
        let report = SiteBuilder.build(options)
        try #require(report.succeeded)
        let embed = options.outputDirectory.appendingPathComponent("nhung/xep-hang-lai-chau/index.html")
        #expect(FileManager.default.fileExists(atPath: embed.path))
        let blank = try Self.screenshot("about:blank", to: root.appendingPathComponent("blank.png"))
        let chart = try Self.screenshot(embed.absoluteString, to: root.appendingPathComponent("chart.png"))
        #expect(blank > 0 && chart > blank * 5, "chart screenshot \(chart) bytes, blank page \(blank) bytes")
    }
}
