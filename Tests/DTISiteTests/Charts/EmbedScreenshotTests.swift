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

    /// A child process started with posix_spawn and reaped with waitpid: Foundation's Process on Linux
    /// can wait for ever for a child that has already exited when tests run concurrently.
    final class Spawned {
        let pid: pid_t

        init(_ path: String, _ arguments: [String]) throws {
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = ([path] + arguments).map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            // The test runs on a thread that blocks signals; the child gets an empty mask, so that it can be stopped.
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setsigmask(&attributes, &none)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
            var pid: pid_t = 0
            let status = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
            guard status == 0 else { throw CocoaError(.executableLoad) }
            self.pid = pid
        }

        func wait() {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }

        func stop() {
            kill(pid, SIGKILL)
            wait()
        }
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
