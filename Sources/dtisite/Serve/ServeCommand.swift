import ArgumentParser
import DTISite
import Foundation
import Hummingbird

extension DTISiteCommand {
    /// `dtisite serve`: builds into a preview folder with the base URL replaced by the local address,
    /// serves it, watches Content/ and Theme/, rebuilds through one session kept in memory on every change
    /// and tells the open pages (`LiveReload`). A failed rebuild leaves the last good site served and is
    /// shown on the pages and in the terminal.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Xem thử trang khi đang viết: dựng vào thư mục xem thử, phục vụ qua HTTP và tự tải lại trang khi sửa tệp.")
        @OptionGroup var source: SourceOptions
        @Option(name: .shortAndLong, help: "Thư mục xem thử (mặc định <root>/.preview; không phải public/).")
        var output: String?
        @Option(name: .long, help: "Cổng HTTP.")
        var port: Int = 8000
        @Option(name: .long, help: "Địa chỉ lắng nghe (0.0.0.0 để xem từ máy khác trong mạng).")
        var host: String = "127.0.0.1"

        func run() async throws {
            var options = source.options
            options.outputDirectory = output.map(SourceOptions.url) ?? SourceOptions.url(source.root).appendingPathComponent(".preview")
            let shownHost = host == "0.0.0.0" ? "localhost" : host.contains(":") ? "[\(host)]" : host
            let address = "http://\(shownHost):\(port)/"
            options.baseURL = address

            let session = SiteBuilder.Session(options, keepsPages: true)
            let reload = LiveReload()
            let builder = PreviewBuilder(session: session, reload: reload)
            builder.build(changed: nil)

            let watcher = FileWatcher(roots: [options.contentDirectory.path, options.themeDirectory.path])
            let thread = Thread { watcher.run { builder.build(changed: $0) } }
            thread.stackSize = 8 << 20
            thread.start()

            setenv("LOG_LEVEL", "warning", 0)
            let preview = options.outputDirectory.path
            let server = PreviewServer(folder: options.outputDirectory, reload: reload)
            let app = Application(
                router: server.router(), configuration: .init(address: .hostname(host, port: port), serverName: "dtisite"),
                onServerRunning: { _ in
                    say("dtisite serve: \(address) (thư mục xem thử \(preview)); Ctrl+C để dừng")
                })
            let pings = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: .seconds(15))
                    reload.ping()
                }
            }
            defer { pings.cancel() }
            try await app.runService()
        }
    }
}

/// One rebuild at a time (the watcher's thread), reported in the terminal and to the open pages.
final class PreviewBuilder: @unchecked Sendable {
    let session: SiteBuilder.Session
    let reload: LiveReload
    let stylesheets: String

    init(session: SiteBuilder.Session, reload: LiveReload) {
        self.session = session
        self.reload = reload
        stylesheets = session.options.themeDirectory.appendingPathComponent("static").path + "/"
    }

    func build(changed: Set<String>?) {
        // An edited Markdown text first: its page is written and the pages reload; the rest follows.
        var quick = false
        if let changed, let report = session.quickBuild(changed: changed) {
            quick = true
            say(describe(changed) + report.summary + " (nhanh; phần còn lại dựng tiếp)")
            reload.succeeded(written: report.written, onlyStylesheets: false)
        }
        // Otherwise the pages that changed are written as soon as they are rendered, and the open
        // pages reload; the search index and the other files follow. Not for stylesheets alone: those
        // are swapped in place once the build is done.
        let onlyStylesheets =
            changed.map { !$0.isEmpty && $0.allSatisfy { $0.hasPrefix(stylesheets) && $0.hasSuffix(".css") } } ?? false
        let early = EarlyPages()
        let report =
            quick || onlyStylesheets
            ? session.build(changed: changed)
            : session.build(changed: changed) { written in
                early.written = written
                say((changed.map(self.describe) ?? "") + "\(written) trang được ghi trước, phần còn lại đang dựng")
                self.reload.succeeded(written: written, onlyStylesheets: false)
            }
        printDiagnostics(report)
        say((changed.map(describe) ?? "") + report.summary)
        if report.succeeded, quick || (early.written > 0 && report.removed == 0) {
            // The page already reloaded; what else was written (search index) needs no reload.
        } else if report.succeeded {
            reload.succeeded(written: report.written + report.removed, onlyStylesheets: onlyStylesheets)
        } else {
            let errors = report.diagnostics.filter { $0.severity == .error }
            reload.failed((errors.isEmpty ? report.diagnostics : errors).map(\.description) + [report.summary])
        }
    }

    /// The pages a build wrote before the rest of the site (set on the build's thread, read after it).
    final class EarlyPages: @unchecked Sendable {
        var written = 0
    }

    func describe(_ paths: Set<String>) -> String {
        paths.sorted().prefix(3).map { URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: ", ")
            + (paths.count > 3 ? " và \(paths.count - 3) tệp khác" : "") + ": "
    }
}

/// A line on standard output at once (not buffered: the terminal and a test read it as it comes).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
